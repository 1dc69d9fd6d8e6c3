// The Clawback API (and its workers) in a process of its own, so a test can kill it with SIGKILL
// and start it again on the same store. Configured from the environment like a deployment:
// CLAWBACK_TEST_SANDBOX (the sandbox's app description as JSON), DATABASE_URL or DATA_DIR, and
// the TLS certificate; answers { port } over IPC once listening.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import app from '../../api/src/app.js';
import { loadConfig, type SandboxAppDescription } from '../../api/src/config/load.js';
import { serverOptions } from '../../api/src/server-options.js';

const description = JSON.parse(process.env.CLAWBACK_TEST_SANDBOX!) as SandboxAppDescription;
const config = loadConfig(process.env, description);
const fastify = Fastify(
  serverOptions(
    {
      ...config,
      tls: {
        cert: readFileSync(process.env.TLS_CERT_PATH!, 'utf8'),
        key: readFileSync(process.env.TLS_KEY_PATH!, 'utf8'),
      },
    },
    { logger: false },
  ),
);
await fastify.register(app, { config });
await fastify.listen({ host: '127.0.0.1', port: 0 });
process.send!({ port: (fastify.server.address() as { port: number }).port });
