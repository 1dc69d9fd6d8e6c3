// What every console page gets from the shell: the API client, the signed-in caller, what they
// may do, and navigation. Pages take nothing from hosts, so they render the same in Teams, in a
// browser and in tests.
import { createContext, useContext, type ReactNode } from 'react';
import type { Capability, MeResponse } from '@clawback/shared';
import type { ConsoleApi } from '../api/console-api.js';
import type { Route } from './routes.js';

export interface ConsoleServices {
  api: ConsoleApi;
  me: MeResponse;
  route: Route;
  navigate(route: Route): void;
  /** Opens a URL the console cannot show itself (the admin-consent page): Teams' popup or a new tab. */
  openExternal(url: string): void;
}

const ConsoleContext = createContext<ConsoleServices | null>(null);

export function ConsoleProvider({ value, children }: { value: ConsoleServices; children: ReactNode }) {
  return <ConsoleContext.Provider value={value}>{children}</ConsoleContext.Provider>;
}

export function useConsole(): ConsoleServices {
  const services = useContext(ConsoleContext);
  if (!services) throw new Error('useConsole needs a ConsoleProvider above it');
  return services;
}

/** Whether the caller may do something. The API checks again; this only decides what is offered. */
export function useCan(): (capability: Capability) => boolean {
  const { me } = useConsole();
  return (capability) => me.capabilities.includes(capability);
}
