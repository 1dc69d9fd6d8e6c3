/// <reference types="office-js" />
// The task pane's and the commands' token provider: nested app authentication where Outlook
// supports it (NestedAppAuth 1.1), else Office SSO; and Office SSO again if NAA fails for a reason
// other than the user's (an older Outlook that claims the set but cannot broker).
import { AuthError } from './errors.js';
import { createNaaTokenProvider, type NaaOptions } from './naa.js';
import { createOfficeSsoTokenProvider } from './office-sso.js';
import type { AuthSettings } from './settings.js';
import type { TokenProvider } from './token-provider.js';

type OfficeApi = Pick<typeof Office, 'auth' | 'context'>;

export function createOutlookTokenProvider(
  office: OfficeApi,
  settings: AuthSettings,
  options: NaaOptions = {},
): TokenProvider {
  const sso = createOfficeSsoTokenProvider(office);
  if (!office.context.requirements.isSetSupported('NestedAppAuth', '1.1')) return sso;
  const naa = createNaaTokenProvider(settings, options);
  let current: TokenProvider = naa;
  return {
    get kind() {
      return current.kind;
    },
    async getToken() {
      try {
        return await current.getToken();
      } catch (error) {
        if (current !== naa || !(error instanceof AuthError) || error.code !== 'unavailable') throw error;
        current = sso;
        return sso.getToken();
      }
    },
    invalidate() {
      current.invalidate();
    },
  };
}
