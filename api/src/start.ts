// `npm start`. In sandbox mode (the default): the local Entra ID + Graph sandbox first, then the
// API configured from the sandbox's app registration, serving the add-in and admin tab over HTTPS
// with a certificate from the sandbox CA. In production mode: the API alone, from the environment.
import { join } from 'node:path';
import type { RunningSandbox } from '@clawback/sandbox';
import { ConfigError } from './config/config.js';
import { loadConfig, type SandboxAppDescription } from './config/load.js';
import { parseEnvironment } from './config/config.js';
import { closeOnSignals, startServer } from './server.js';
import { createOutboundHttp } from './graph/http.js';

async function main() {
  const env = parseEnvironment(process.env);
  let sandbox: RunningSandbox | null = null;
  let sandboxApp: SandboxAppDescription | undefined;
  let people: string[] = [];
  if (env.CLAWBACK_MODE === 'sandbox') {
    // Imported only in sandbox mode: production never loads the emulator.
    const { startSandbox, tenantSummary } = await import('@clawback/sandbox');
    sandbox = await startSandbox({
      port: env.SANDBOX_PORT,
      dataDir: join(env.DATA_DIR, 'sandbox'),
      onError: (error) => console.error('sandbox error:', error),
    });
    // Configured from the sandbox's control API, as a client of a real tenant is from its registration.
    const http = createOutboundHttp(sandbox.caCert);
    sandboxApp = (await (await http.fetch(`${sandbox.url}/_sandbox/app`)).json()) as SandboxAppDescription;
    await http.close();
    people = tenantSummary(sandbox.context.tenant).users.map(
      (u) => `    ${u.upn.padEnd(52)} ${u.roles.join(', ') || u.kind}`,
    );
  }
  const config = loadConfig(
    sandbox
      ? { TLS_CERT_PATH: sandbox.localhostCertPath, TLS_KEY_PATH: sandbox.localhostKeyPath, ...process.env }
      : process.env,
    sandboxApp,
  );
  const server = await startServer(config);
  const origin = `${config.tls ? 'https' : 'http'}://localhost:${config.port}`;
  console.log(`\nClawback is running (${config.mode} mode, ${config.role} role)`);
  console.log(`  API            ${origin}/api/v1   (OpenAPI: ${origin}/api/docs)`);
  console.log(`  Outlook pane   ${origin}/taskpane.html   harness: ${origin}/harness.html`);
  console.log(`  Admin console  ${origin}/admin.html`);
  if (sandbox) printSandbox(sandbox, people);
  closeOnSignals(
    async () => {
      await server.close();
      await sandbox?.close();
    },
    (message) => console.log(message),
  );
}

function printSandbox(sandbox: RunningSandbox, people: string[]) {
  console.log(
    `  Sandbox        ${sandbox.url}   (Entra ID + Graph; control API ${sandbox.url}/_sandbox/app)`,
  );
  console.log(`  Trust its CA   NODE_EXTRA_CA_CERTS=${sandbox.caCertPath}`);
  console.log(`  Sign in as a demo user in the harness or admin console, or get a token with`);
  console.log(
    `    curl --cacert ${sandbox.caCertPath} -X POST ${sandbox.url}/_sandbox/token -H 'content-type: application/json' -d '{"user":"admin@contoso.com"}'`,
  );
  console.log('  Demo people:');
  for (const line of people) console.log(line);
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
