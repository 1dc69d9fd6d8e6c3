// Entra's admin-consent round trip ends on /admin.html?authorization=<function>&result=granted|denied
// (the API's consent callback sends the browser there). The console reads it once and then drops it
// from the address bar, so a reload does not announce the same outcome again.
import { APP_FUNCTIONS, type AppFunctionName } from '@clawback/shared';

export interface ConsentReturn {
  fn: AppFunctionName;
  granted: boolean;
}

export function readConsentReturn(search: string): ConsentReturn | null {
  const params = new URLSearchParams(search);
  const fn = params.get('authorization');
  const result = params.get('result');
  if (!fn || !(APP_FUNCTIONS as readonly string[]).includes(fn)) return null;
  if (result !== 'granted' && result !== 'denied') return null;
  return { fn: fn as AppFunctionName, granted: result === 'granted' };
}

/** Removes the consent outcome from the address, keeping the rest (and the hash route). */
export function forgetConsentReturn(win: Pick<Window, 'location' | 'history'> = window): void {
  const url = new URL(win.location.href);
  url.searchParams.delete('authorization');
  url.searchParams.delete('result');
  win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}
