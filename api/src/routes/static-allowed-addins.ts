// /.well-known/microsoft-officeaddins-allowed.json: the scripts of this origin that Office may let
// obtain tokens (single sign-on) and make CORS requests from a JavaScript-only runtime. Classic
// Outlook on Windows runs the ribbon commands and the spam-reporting handler from commands.js
// without a page, and reads this list at the root of the script's origin before it does.
// Format (Office add-ins docs, "Enable SSO in event-based activation"): { "allowed": [script URLs] }.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const ALLOWED_ADDINS_PATH = '/.well-known/microsoft-officeaddins-allowed.json';

/** The scripts Outlook runs without a page, as the manifests name them. */
export const PAGELESS_SCRIPTS = ['/commands.js'] as const;

const allowedAddinsSchema = z.object({
  allowed: z.array(z.url()).describe('Script URLs of this origin allowed to obtain tokens'),
});

const allowedAddinsRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const { publicUrl } = fastify.config;
  fastify.get(
    ALLOWED_ADDINS_PATH,
    {
      config: { auth: 'public' },
      schema: {
        summary: 'Scripts of this origin allowed single sign-on in Office JavaScript-only runtimes',
        response: { 200: allowedAddinsSchema },
      },
    },
    async (request, reply) => {
      // Behind a proxy the public origin is configured; otherwise it is the one the request reached
      // (and the answer then varies with the Host header, so caches must keep them apart).
      const origin = publicUrl ?? `${request.protocol}://${request.host}`;
      reply.header('cache-control', 'public, max-age=3600');
      if (!publicUrl) reply.header('vary', 'Host, X-Forwarded-Host, X-Forwarded-Proto');
      return { allowed: PAGELESS_SCRIPTS.map((script) => new URL(script, origin).href) };
    },
  );
};

export default allowedAddinsRoutes;
