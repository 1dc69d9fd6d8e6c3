// npm run bench [-- <name filter>]: runs every tests/bench/*.bench.ts, each in a child process that
// trusts the sandbox CA (NODE_EXTRA_CA_CERTS is read at process start, so the runner makes the CA
// first and sets it for the child). Each writes bench-results/<name>.json; one summary line each.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadOrCreateTls } from '../../sandbox/src/tls.js';
import type { Benchmark } from './benchmark.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const resultsDir = resolve(here, '../../bench-results');
const CHILD_FLAG = '--benchmark';

if (process.argv[2] === CHILD_FLAG) await runOne(process.argv[3]!, process.env.BENCH_DATA_DIR!);
else process.exitCode = await runAll(process.argv[2]);

async function runAll(filter: string | undefined): Promise<number> {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
    .sort();
  if (files.length === 0) {
    console.error(`no benchmark matches '${filter ?? ''}'`);
    return 1;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'clawback-bench-'));
  const { caCertPath } = loadOrCreateTls(join(dataDir, 'tls'));
  let failed = 0;
  try {
    for (const file of files) {
      const code = await new Promise<number>((done) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', fileURLToPath(import.meta.url), CHILD_FLAG, file],
          {
            env: { ...process.env, NODE_EXTRA_CA_CERTS: caCertPath, BENCH_DATA_DIR: dataDir },
            stdio: 'inherit',
          },
        );
        child.on('exit', (exit) => done(exit ?? 1));
      });
      if (code !== 0) {
        failed += 1;
        console.error(`${basename(file, '.bench.ts')}: failed (exit ${code})`);
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

async function runOne(file: string, dataDir: string): Promise<void> {
  const { benchmark } = (await import(pathToFileURL(join(here, file)).href)) as { benchmark: Benchmark };
  const startedAt = new Date().toISOString();
  const result = await benchmark.run({ dataDir });
  mkdirSync(resultsDir, { recursive: true });
  const out = join(resultsDir, `${benchmark.name}.json`);
  writeFileSync(
    out,
    JSON.stringify(
      { name: benchmark.name, description: benchmark.description, startedAt, ...result },
      null,
      2,
    ) + '\n',
  );
  console.log(`${benchmark.name}: ${benchmark.summary(result)}`);
}
