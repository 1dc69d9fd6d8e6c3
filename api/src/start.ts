// `npm start`: the local stack on the sandbox tenant. Starts the sandbox first, then prints where
// everything is and how to sign in as a demo user.
import { join } from 'node:path';
import { startSandbox, tenantSummary } from '@clawback/sandbox';

const dataDir = process.env.DATA_DIR ?? 'data';
const sandbox = await startSandbox({
  port: Number(process.env.SANDBOX_PORT ?? 4443),
  dataDir: join(dataDir, 'sandbox'),
  onError: (error) => console.error('sandbox error:', error),
});
const summary = tenantSummary(sandbox.context.tenant);
console.log(`Clawback local stack on the sandbox tenant ${summary.domain}`);
console.log(`  Sandbox (Entra ID + Graph)  ${sandbox.url}   control API: ${sandbox.url}/_sandbox/app`);
console.log(`  Trust the local CA with     NODE_EXTRA_CA_CERTS=${sandbox.caCertPath}`);
console.log(`  Demo people (get a token: POST ${sandbox.url}/_sandbox/token {"user":"<upn>"}):`);
for (const user of summary.users)
  console.log(`    ${user.upn.padEnd(52)} ${user.roles.join(', ') || user.kind}`);

const stop = async () => {
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
