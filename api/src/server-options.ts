// Fastify instance options shared by the server and tests: logging with secrets redacted, limits,
// timeouts, prototype-poisoning refusal, HTTPS when configured.
import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config/config.js';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.access_token',
  '*.accessToken',
  '*.clientSecret',
  '*.body',
  '*.content',
  '*.contentBytes',
  '*.eml',
];

export function serverOptions(
  config: Config,
  options: { pretty?: boolean; logger?: boolean } = {},
): FastifyServerOptions & { https?: { cert: string; key: string } } {
  return {
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            ...(options.pretty
              ? {
                  transport: {
                    target: 'pino-pretty',
                    options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
                  },
                }
              : {}),
          },
    bodyLimit: 1024 * 1024,
    // Start-up applies migrations and creates job queues; an embedded store on a busy machine is slow.
    pluginTimeout: 120_000,
    connectionTimeout: 60_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 72_000,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    trustProxy: config.mode === 'production',
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    ...(config.tls ? { https: config.tls } : {}),
  };
}
