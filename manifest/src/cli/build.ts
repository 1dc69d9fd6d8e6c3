// Entry point of `npm run manifest:build`; see run-build.ts.
import { consoleIo } from './io.js';
import { runBuild } from './run-build.js';

process.exitCode = await runBuild(process.argv.slice(2), consoleIo);
