// Hands a fetched file to the browser as a download. The API needs the bearer token, so files are
// fetched by the client and saved from a blob URL rather than linked.
import type { Download } from '../../api/console-api.js';

export function saveDownload({ blob, filename }: Download): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start reading before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
