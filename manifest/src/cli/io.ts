// Where the command-line tools write, so tests can run them in-process and read what they said.
import { fileURLToPath } from 'node:url';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const consoleIo: Io = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

/** manifest/dist, wherever the command is started from. */
export const DEFAULT_OUT_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));
