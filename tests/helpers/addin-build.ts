// Builds the add-in with Vite's API (as `npm run build -w addin` does) and weighs what each page
// loads: the gzip size of its scripts, preloads and styles, and of the chunks they load on demand.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const ADDIN_ROOT = fileURLToPath(new URL('../../addin/', import.meta.url));
export const ADDIN_DIST = join(ADDIN_ROOT, 'dist');

export type AddinBuildMode = 'sandbox' | 'production';

export async function buildAddin(mode: AddinBuildMode, outDir = ADDIN_DIST): Promise<string> {
  // The config makes every build a production build (NODE_ENV=production); the test worker keeps
  // its own NODE_ENV afterwards.
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build({
      configFile: join(ADDIN_ROOT, 'vite.config.ts'),
      mode,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

export interface PageWeight {
  page: string;
  /** Files the page loads before it runs: scripts, module preloads, stylesheets. */
  initial: string[];
  /** Chunks those files import on demand (MSAL, TeamsJS, sandbox sign-in). */
  lazy: string[];
  initialGzip: number;
  totalGzip: number;
}

const gzipOf = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The weight of every page of a build, local files only (Office.js from its CDN is not ours). */
export function pageWeights(dist: string): PageWeight[] {
  const assets = existsSync(join(dist, 'assets'))
    ? readdirSync(join(dist, 'assets')).map((f) => `assets/${f}`)
    : [];
  const files = [...assets, ...readdirSync(dist).filter((f) => f.endsWith('.js'))];
  return readdirSync(dist)
    .filter((f) => f.endsWith('.html'))
    .map((page) => {
      const html = readFileSync(join(dist, page), 'utf8');
      const initial = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"[^>]*>/g)]
        .map((m) => m[1]!)
        .filter((ref) => !/^[a-z]+:/i.test(ref))
        .map((ref) => ref.replace(/^\.?\//, ''));
      const seen = new Set(initial);
      const queue = [...initial];
      const lazy: string[] = [];
      while (queue.length) {
        const file = queue.shift()!;
        if (!file.endsWith('.js')) continue;
        const text = readFileSync(join(dist, file), 'utf8');
        for (const other of files) {
          const name = other.slice(other.lastIndexOf('/') + 1);
          if (seen.has(other) || !text.includes(name)) continue;
          seen.add(other);
          lazy.push(other);
          queue.push(other);
        }
      }
      const initialGzip = initial.reduce((sum, f) => sum + gzipOf(join(dist, f)), gzipOf(join(dist, page)));
      return {
        page,
        initial,
        lazy,
        initialGzip,
        totalGzip: lazy.reduce((sum, f) => sum + gzipOf(join(dist, f)), initialGzip),
      };
    });
}
