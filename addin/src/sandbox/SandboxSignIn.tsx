// Sandbox builds only, loaded on demand by pages that also ship in production (the admin
// console): the sign-in picker wired to sandbox tokens. Production builds drop the import.
import { useMemo } from 'react';
import type { TokenProvider } from '../auth/token-provider.js';
import { createHarnessApi, type DemoUser, type SandboxClient } from './harness-api.js';
import { SignInPicker } from './SignInPicker.js';
import { createSandboxTokenProvider } from './token-provider.js';

export interface SandboxSignInProps {
  client: SandboxClient;
  onSignedIn: (tokens: TokenProvider, user: DemoUser) => void;
}

export default function SandboxSignIn({ client, onSignedIn }: SandboxSignInProps) {
  const api = useMemo(() => createHarnessApi(), []);
  return (
    <SignInPicker
      api={api}
      onSignIn={(user) => onSignedIn(createSandboxTokenProvider(api, user.upn, client), user)}
    />
  );
}
