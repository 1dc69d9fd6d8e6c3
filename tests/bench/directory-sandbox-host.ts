// A large directory-only sandbox in a process of its own, so the API process's memory and CPU are
// measured alone. Forked with IPC: answers { url } once listening, closes when the parent
// disconnects.
import { startSandbox } from '@clawback/sandbox';

const options = JSON.parse(process.env.BENCH_SANDBOX_OPTIONS ?? '{}') as {
  dataDir: string;
  users: number;
  groups: number;
};
const sandbox = await startSandbox({
  port: 0,
  dataDir: options.dataDir,
  users: options.users,
  groups: options.groups,
  mailPerUser: 0,
});
process.send!({ url: sandbox.url });
process.on('disconnect', () => {
  void sandbox.close().then(() => process.exit(0));
});
