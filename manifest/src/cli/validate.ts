// Entry point of `npm run manifest:validate`; see run-validate.ts.
import { consoleIo } from './io.js';
import { runValidate } from './run-validate.js';

process.exitCode = await runValidate(process.argv.slice(2), consoleIo);
