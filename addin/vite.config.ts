/// <reference types="node" />
// One multi-page build of the add-in and the admin tab into dist/:
//   taskpane.html  Outlook task pane              admin.html    Teams tab and browser console
//   commands.html  function commands and the      harness.html  local Outlook host (sandbox builds only)
//                  spam-reporting handler, whose code is commands.js, a plain script (see below)
// `vite build` is a production build; `vite build --mode sandbox` adds the harness and the demo
// sign-in picker. Production builds load Office.js from Microsoft's CDN; sandbox builds never do,
// so nothing fetches a Microsoft host while the harness or the tests run.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export default defineConfig(({ mode, command }) => {
  // A build is an optimised build in both modes, whatever NODE_ENV the shell or a test runner has:
  // Vite and the React plugin read it for JSX and dead-code elimination (Vite's documented place
  // to set it is this file).
  if (command === 'build') process.env.NODE_ENV = 'production';
  const sandbox = mode === 'sandbox';
  const define = {
    // The library build of commands.js leaves process.env alone unless told.
    ...(command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {}),
    // VITE_CLAWBACK_* variables (client id, authority, scope, API address: src/build-env.ts) come
    // from the environment or .env files the way Vite passes every VITE_ variable.
    'import.meta.env.CLAWBACK_SANDBOX': JSON.stringify(sandbox),
  };
  const pages = ['taskpane', 'admin', ...(sandbox ? ['harness'] : [])];
  return {
    root,
    base: './',
    define,
    plugins: [react(), officeJsTag(sandbox), commandsScript(define)],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // Budgets are gzip sizes of what each page loads, checked by tests/integration/addin.
      chunkSizeWarningLimit: 1000,
      rolldownOptions: {
        input: Object.fromEntries(pages.map((page) => [page, `${root}${page}.html`])),
        output: {
          // MSAL and TeamsJS load on demand, in chunks of their own. Everything else is split by
          // which pages use it, so the task pane never loads the console's charts or the Fluent
          // components only the console uses.
          codeSplitting: {
            groups: [
              { name: 'msal', test: /[\\/]node_modules[\\/]@azure[\\/]msal-/, priority: 2 },
              { name: 'teams-js', test: /[\\/]node_modules[\\/]@microsoft[\\/]teams-js[\\/]/, priority: 2 },
            ],
          },
        },
      },
    },
  };
});

/** Production pages that run inside Outlook load Office.js before any of our code. */
function officeJsTag(sandbox: boolean): Plugin {
  return {
    name: 'clawback:office-js',
    transformIndexHtml: {
      order: 'pre',
      handler(_html, context) {
        if (sandbox || !context.path.endsWith('/taskpane.html')) return [];
        return [{ tag: 'script', attrs: { src: OFFICE_JS }, injectTo: 'head-prepend' }];
      },
    },
  };
}

/**
 * commands.js is a classic script (one IIFE, no import statements), because classic Outlook on
 * Windows runs the spam-reporting handler in a JavaScript-only runtime that supports neither
 * imports nor Office.onReady. commands.html, the page other Outlook clients load, is that script
 * plus Office.js, written beside the pages once they are built.
 */
function commandsScript(define: Record<string, string>): Plugin {
  let outDir = '';
  let sandbox = false;
  return {
    name: 'clawback:commands-script',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
      sandbox = config.mode === 'sandbox';
    },
    generateBundle() {
      const page = readFileSync(`${root}src/commands/commands.html`, 'utf8').replace(
        '<!-- office.js -->',
        sandbox ? '' : `<script src="${OFFICE_JS}"></script>`,
      );
      this.emitFile({ type: 'asset', fileName: 'commands.html', source: page });
    },
    async closeBundle() {
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        define,
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2019',
          sourcemap: false,
          copyPublicDir: false,
          lib: {
            entry: `${root}src/commands/runtime.ts`,
            formats: ['iife'],
            name: 'clawbackCommands',
            fileName: () => 'commands.js',
          },
        },
      });
    },
  };
}
