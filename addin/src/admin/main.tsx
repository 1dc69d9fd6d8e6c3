// Entry of admin.html: the Teams tab and the browser console.
import { createRoot } from 'react-dom/client';
import { AdminApp } from './AdminApp.js';

const container = document.getElementById('root');
if (container) createRoot(container).render(<AdminApp />);
