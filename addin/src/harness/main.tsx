// Entry of harness.html (sandbox builds only).
import { createRoot } from 'react-dom/client';
import { HarnessApp } from './HarnessApp.js';

const container = document.getElementById('root');
if (container) createRoot(container).render(<HarnessApp />);
