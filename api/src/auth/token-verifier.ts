// Verifies bearer tokens for the Clawback API: RS256 only, signed by a key in the configured
// authority's JWKS (cached, with a cooldown on refetch), the v2 issuer of the configured tenant,
// our audience, exp/nbf with 60 s skew. Delegated tokens need `access_as_user` and an allowed
// client; app-only tokens need the automation app role.
import {
  createRemoteJWKSet,
  customFetch,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
} from 'jose';
import { z } from 'zod';
import type { Config } from '../config/config.js';
import type { Fetch } from '../graph/http.js';
import type { Caller } from './caller.js';

export const CLOCK_SKEW_SECONDS = 60;
export const USER_SCOPE = 'access_as_user';

/** Microsoft clients that obtain tokens for an add-in or tab on the user's behalf. */
export const MICROSOFT_HOST_CLIENT_IDS = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Teams desktop and mobile
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams web
  '4765445b-32c6-49b0-83e6-1d93765276ca', // Microsoft 365 web
  '0ec893e0-5785-4de6-99da-4ed124e5296c', // Microsoft 365 desktop
  'd3590ed6-52b3-4102-aeff-aad2292ab01c', // Microsoft Office / Outlook desktop
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3', // Outlook on the web
  '27922004-5251-4030-b22d-91ecd9a37ea4', // Outlook mobile
];

/** Why a token was refused; the message is safe to show the caller. */
export class TokenRejected extends Error {
  constructor(
    readonly reason: string,
    /** The token's unverified tid/oid, for the audit record only. */
    readonly claimed: { tid?: string; oid?: string } = {},
  ) {
    super(reason);
  }
}

/** The authority's keys could not be fetched: not the caller's fault, so not a 401. */
export class SigningKeysUnavailable extends Error {
  constructor(cause: unknown) {
    super('the identity provider signing keys could not be fetched', { cause });
  }
}

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const claimsSchema = z.object({
  tid: guid,
  oid: guid,
  ver: z.literal('2.0'),
  azp: z.string().min(1),
  scp: z.string().optional(),
  roles: z.array(z.string()).optional(),
  preferred_username: z.string().optional(),
  name: z.string().optional(),
  idtyp: z.string().optional(),
  acct: z.number().int().optional(),
});

const FORBIDDEN_HEADERS = ['jku', 'x5u', 'jwk', 'x5c', 'crit'];

export class TokenVerifier {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  private readonly issuer: string;
  private readonly allowedClients: Set<string>;

  constructor(
    private readonly config: Config,
    fetch: Fetch,
  ) {
    this.issuer = `${config.authority}/v2.0`;
    this.jwks = createRemoteJWKSet(new URL(`${config.authority}/discovery/v2.0/keys`), {
      cooldownDuration: config.jwksCooldownMs,
      cacheMaxAge: config.jwksCacheMaxAgeMs,
      [customFetch]: fetch,
    });
    this.allowedClients = new Set([
      config.app.clientId,
      ...MICROSOFT_HOST_CLIENT_IDS,
      ...config.allowedClientIds,
    ]);
  }

  async verify(token: string, options: { allowApp: boolean }): Promise<Caller> {
    const claimed = unverifiedIdentity(token);
    const parts = token.split('.');
    if (parts.length === 5) throw new TokenRejected('encrypted tokens (JWE) are not accepted', claimed);
    if (parts.length !== 3) throw new TokenRejected('the token is not a JWT', claimed);
    let header;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw new TokenRejected('the token header cannot be decoded', claimed);
    }
    if (header.alg !== 'RS256')
      throw new TokenRejected(`algorithm ${String(header.alg)} is not accepted`, claimed);
    const smuggled = FORBIDDEN_HEADERS.filter((name) => name in header);
    if (smuggled.length)
      throw new TokenRejected(`header parameters ${smuggled.join(', ')} are not accepted`, claimed);

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, {
        algorithms: ['RS256'],
        issuer: this.issuer,
        audience: this.config.apiAudiences,
        clockTolerance: CLOCK_SKEW_SECONDS,
        requiredClaims: ['exp', 'nbf', 'iat', 'tid', 'oid'],
      }));
    } catch (error) {
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError))
        throw new SigningKeysUnavailable(error);
      throw new TokenRejected(describeJoseError(error), claimed);
    }
    const parsed = claimsSchema.safeParse(payload);
    if (!parsed.success)
      throw new TokenRejected(
        `claims have the wrong shape: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
        claimed,
      );
    const claims = parsed.data;
    if (claims.tid !== this.config.tenantId)
      throw new TokenRejected('the token is for another tenant', claimed);
    return claims.scp !== undefined
      ? this.delegated(claims, claimed)
      : this.appOnly(claims, claimed, options.allowApp);
  }

  private delegated(claims: z.infer<typeof claimsSchema>, claimed: TokenRejected['claimed']): Caller {
    if (!claims.scp!.split(' ').includes(USER_SCOPE))
      throw new TokenRejected(`the token lacks the ${USER_SCOPE} scope`, claimed);
    if (!this.allowedClients.has(claims.azp))
      throw new TokenRejected('the token was issued to a client that is not allowed', claimed);
    return {
      kind: 'user',
      tenantId: claims.tid,
      oid: claims.oid,
      upn: claims.preferred_username ?? null,
      displayName: claims.name ?? null,
      isGuest: claims.acct === 1,
      clientId: claims.azp,
    };
  }

  private appOnly(
    claims: z.infer<typeof claimsSchema>,
    claimed: TokenRejected['claimed'],
    allowApp: boolean,
  ): Caller {
    if (!allowApp) throw new TokenRejected('app-only tokens are not accepted on this route', claimed);
    const roles = claims.roles ?? [];
    if (!roles.includes(this.config.automationAppRole))
      throw new TokenRejected(`the calling app lacks the ${this.config.automationAppRole} app role`, claimed);
    return { kind: 'app', tenantId: claims.tid, oid: claims.oid, appId: claims.azp, roles };
  }
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'the token is not valid yet';
    if (error.claim === 'iss') return 'the token issuer is not this tenant';
    if (error.claim === 'aud') return 'the token is not for this API';
    return `claim ${error.claim} is not valid`;
  }
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token was signed by an unknown key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token algorithm is not accepted';
  return 'the token could not be verified';
}

/** tid/oid read without verification: only ever written to the audit log, marked unverified. */
function unverifiedIdentity(token: string): { tid?: string; oid?: string } {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return {
      tid: typeof payload.tid === 'string' ? payload.tid.slice(0, 64) : undefined,
      oid: typeof payload.oid === 'string' ? payload.oid.slice(0, 64) : undefined,
    };
  } catch {
    return {};
  }
}
