// Boots the API: build the instance, register the app plugin, listen, close gracefully on signals.
import Fastify from 'fastify';
import app from './app.js';
import type { Config } from './config/config.js';
import { serverOptions } from './server-options.js';

export async function startServer(config: Config) {
  const fastify = Fastify(serverOptions(config, { pretty: process.stdout.isTTY }));
  await fastify.register(app, { config });
  await fastify.listen({ host: config.host, port: config.port });
  return fastify;
}

export function closeOnSignals(close: () => Promise<void>, log: (message: string) => void): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: closing`);
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
