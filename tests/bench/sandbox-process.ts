// Starts the sandbox in a process of its own (sandbox-host.ts), so a benchmark's client side and the
// sandbox each get a core. BENCH_CPU_PROF=<dir> profiles the sandbox with --cpu-prof.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SandboxProcess {
  url: string;
  /** UPNs of numbered users with a licensed mailbox. */
  mailboxes: string[];
  stop: () => Promise<void>;
}

export interface SandboxProcessOptions {
  dataDir: string;
  users?: number;
  groups?: number;
  mailPerUser?: number;
}

export function startSandboxProcess(
  options: SandboxProcessOptions,
  /** The host script (the directory benchmark's skips mail) and the heap a large tenant needs. */
  host: { script?: string; maxOldSpaceMb?: number } = {},
): Promise<SandboxProcess> {
  const profile = process.env.BENCH_CPU_PROF;
  const child = fork(fileURLToPath(new URL(host.script ?? './sandbox-host.ts', import.meta.url)), {
    execArgv: [
      '--import',
      'tsx',
      ...(host.maxOldSpaceMb ? [`--max-old-space-size=${host.maxOldSpaceMb}`] : []),
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    ],
    env: { ...process.env, BENCH_SANDBOX_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    const early = (code: number | null) => reject(new Error(`sandbox host exited with ${code}`));
    child.once('exit', early);
    child.once('message', (message) => {
      child.off('exit', early);
      const stop = () =>
        new Promise<void>((done) => {
          child.once('exit', () => done());
          child.disconnect();
        });
      const { url, mailboxes } = message as { url: string; mailboxes?: string[] };
      resolve({ url, mailboxes: mailboxes ?? [], stop });
    });
  });
}
