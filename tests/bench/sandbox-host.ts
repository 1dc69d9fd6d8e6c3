// A sandbox in a process of its own, so a benchmark's load generator and the sandbox each get a
// core. Forked with IPC: answers { url, mailboxes } once listening (mailboxes: UPNs of numbered
// users with a licensed mailbox), closes when the parent disconnects.
import { startSandbox } from '@clawback/sandbox';

const options = JSON.parse(process.env.BENCH_SANDBOX_OPTIONS ?? '{}') as {
  dataDir: string;
  users?: number;
  mailPerUser?: number;
};
const sandbox = await startSandbox({
  port: 0,
  dataDir: options.dataDir,
  users: options.users,
  mailPerUser: options.mailPerUser ?? 20,
});
const mailboxes = [...sandbox.context.tenant.users.values()]
  .filter((u) => /^user\d+@/.test(u.userPrincipalName) && sandbox.context.tenant.hasMailbox(u.id))
  .map((u) => u.userPrincipalName);
process.send!({ url: sandbox.url, mailboxes });
process.on('disconnect', () => {
  void sandbox.close().then(() => process.exit(0));
});
