// One way to get a token for the Clawback API per host: nested app authentication in Outlook
// (naa.ts, falling back to Office SSO), Teams SSO in the Teams tab, and in sandbox builds only the
// demo sign-in picker. The token is for the Clawback API: the browser never holds a Graph token.

export type TokenProviderKind = 'naa' | 'officeSso' | 'teamsSso' | 'sandbox';

export interface TokenProvider {
  readonly kind: TokenProviderKind;
  /** A bearer token for /api/v1. Rejects with an AuthError. */
  getToken(): Promise<string>;
  /** The API refused the last token (expired, revoked): the next getToken must not reuse it. */
  invalidate(): void;
}
