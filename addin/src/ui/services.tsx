// What components get from their page instead of importing hosts: the mail host adapter and the
// API client. Pages build them (Office, harness, tests) and provide them here.
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '../api/client.js';
import type { MailHost } from '../host/mail-host.js';

export interface Services {
  host: MailHost;
  api: ApiClient;
  /** Where the admin console lives, for links from the task pane. */
  consoleUrl?: string;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ value, children }: { value: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices needs a ServicesProvider above it');
  return services;
}
