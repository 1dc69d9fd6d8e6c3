// Directory changes through the control plane (users, groups, domains), for sync tests.
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import type { SandboxContext } from '../context.js';

export interface ControlRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  handler: (
    request: SandboxRequest,
    body: Record<string, unknown>,
  ) => SandboxResponse | Promise<SandboxResponse>;
}

export function directoryControlRoutes(_sandbox: SandboxContext): ControlRoute[] {
  return [];
}
