// Everything a handler may touch, held by one running sandbox. Reset swaps the tenant; keys, faults
// and the app registration's identity survive it so running clients stay configured.
import type { KeyRing } from './entra/keys.js';
import type { FaultConfig } from './faults/faults.js';
import type { MailboxLimiter } from './faults/mailbox-limiter.js';
import type { SandboxStats } from './stats.js';
import type { TenantState } from './state/tenant.js';

export interface ClawbackAppIdentity {
  clientId: string;
  clientSecret: string;
}

export interface SandboxContext {
  tenant: TenantState;
  keys: KeyRing;
  faults: FaultConfig;
  limiter: MailboxLimiter;
  stats: SandboxStats;
  /** https://localhost:{port}, known once the server listens. */
  origin: string;
  caCertPath: string;
  clawbackApp: ClawbackAppIdentity;
}
