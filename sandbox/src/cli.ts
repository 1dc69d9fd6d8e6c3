// npm run sandbox -- [--port 4443] [--users 50] [--seed 1] [--data-dir data]
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { startSandbox, tenantSummary } from './index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.SANDBOX_PORT ?? '4443' },
    users: { type: 'string', default: '50' },
    groups: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    'data-dir': { type: 'string', default: process.env.DATA_DIR ?? 'data' },
  },
});

function integer(name: string, value: string | undefined, max: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > max) {
    console.error(`--${name} must be an integer from 0 to ${max} (got '${value}')`);
    process.exit(2);
  }
  return parsed;
}

const sandbox = await startSandbox({
  port: integer('port', values.port, 65535),
  users: integer('users', values.users, 100_000),
  groups: integer('groups', values.groups, 20_000),
  seed: integer('seed', values.seed, 2 ** 31),
  dataDir: join(values['data-dir']!, 'sandbox'),
  onError: (error) => console.error('sandbox error:', error),
});
const summary = tenantSummary(sandbox.context.tenant);
console.log(`Sandbox tenant ${summary.domain} (${summary.tenantId}) on ${sandbox.url}`);
console.log(`  Entra authority  ${sandbox.authority}`);
console.log(`  Graph            ${sandbox.graphBaseUrl}`);
console.log(`  Control API      ${sandbox.url}/_sandbox/app`);
console.log(`  Trust its CA     NODE_EXTRA_CA_CERTS=${sandbox.caCertPath}`);
console.log(
  `  A user token     curl --cacert ${sandbox.caCertPath} -X POST ${sandbox.url}/_sandbox/token -H 'content-type: application/json' -d '{"user":"admin@${summary.domain}"}'`,
);
console.log(`  ${summary.userCount} users; demo people:`);
for (const user of summary.users)
  console.log(`    ${user.upn.padEnd(52)} ${user.roles.join(', ') || user.kind}`);

const stop = async () => {
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
