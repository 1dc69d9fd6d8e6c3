// Which Entra app each Clawback function runs as. One app for everything by default; a function
// configured with its own registration gets its own gateway (its own MSAL client and token cache),
// so its grant can be consented and checked on its own, least privilege per function.
import type { AppFunction, Config } from '../config/config.js';
import { GraphGateway } from '../graph/gateway.js';

export const APP_FUNCTION_LIST: readonly AppFunction[] = ['retraction', 'directory', 'collection'];

export interface FunctionApps {
  gateway(fn: AppFunction): GraphGateway;
  clientId(fn: AppFunction): string;
  close(): Promise<void>;
}

export function createFunctionApps(config: Config, main: GraphGateway): FunctionApps {
  const own = new Map<string, GraphGateway>();
  const gateways = new Map<AppFunction, GraphGateway>();
  for (const fn of APP_FUNCTION_LIST) {
    const app = config.functionApps[fn];
    if (!app || app.clientId === config.app.clientId) {
      gateways.set(fn, main);
      continue;
    }
    // Functions that share a registration share its gateway too.
    if (!own.has(app.clientId)) own.set(app.clientId, new GraphGateway({ ...config, app }));
    gateways.set(fn, own.get(app.clientId)!);
  }
  return {
    gateway: (fn) => gateways.get(fn)!,
    clientId: (fn) => config.functionApps[fn]?.clientId ?? config.app.clientId,
    async close() {
      await Promise.all([...own.values()].map((gateway) => gateway.close()));
    },
  };
}
