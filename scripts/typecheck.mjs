// Type-checks every workspace package and the tests, each with its own tsconfig.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = ['.', 'shared', 'sandbox', 'api', 'addin', 'manifest', 'tests'].filter((dir) =>
  existsSync(`${dir}/tsconfig.json`),
);
let failed = 0;
for (const dir of projects) {
  const result = spawnSync('npx', ['tsc', '--noEmit', '-p', dir], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
console.log(`typecheck: ${projects.length - failed} of ${projects.length} projects clean`);
process.exit(failed ? 1 : 0);
