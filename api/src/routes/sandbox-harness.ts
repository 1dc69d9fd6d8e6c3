// Sandbox mode only: what the local harness and the sign-in picker need, on the API's own origin so
// pages never talk to the sandbox directly. Production never registers these routes.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '@clawback/shared';
import { graphPath, odataQuery } from '../graph/odata.js';
import { problems } from '../http/problem.js';

const upnParam = z.object({
  upn: z
    .string()
    .min(3)
    .max(320)
    .regex(/^[^\s/]+@[^\s/]+$/, 'must be an address'),
});
const demoUser = z.object({
  upn: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  kind: z.string(),
});
const harnessMessage = z.object({
  id: z.string(),
  internetMessageId: z.string(),
  subject: z.string(),
  from: z.object({ name: z.string(), address: z.string() }),
  receivedDateTime: z.string(),
  isRead: z.boolean(),
  folder: z.string(),
});

interface GraphMessage {
  id: string;
  internetMessageId?: string;
  subject?: string;
  from?: { emailAddress?: { name?: string; address?: string } };
  receivedDateTime?: string;
  isRead?: boolean;
}

const sandboxHarnessRoutes: FastifyPluginAsyncZod<{ sandboxUrl: string }> = async (fastify, options) => {
  const control = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const response = await fastify.graph.fetch(`${options.sandboxUrl}/_sandbox${path}`, init);
    const body = await response.json();
    if (!response.ok)
      throw problems.badRequest(
        (body as { error?: { message?: string } }).error?.message ?? 'sandbox refused',
      );
    return body as T;
  };

  fastify.get(
    '/sandbox/users',
    {
      config: { auth: 'public' },
      schema: { summary: 'Demo people of the sandbox tenant', response: { 200: z.array(demoUser) } },
    },
    async () => (await control<{ users: z.infer<typeof demoUser>[] }>('/tenant')).users,
  );

  fastify.post(
    '/sandbox/token',
    {
      config: { auth: 'public' },
      schema: {
        summary: 'A delegated token for a demo user, as Outlook or Teams would obtain one',
        body: z
          .object({
            user: z.string().min(3).max(320),
            client: z.enum(['outlook', 'teams']).default('outlook'),
          })
          .strict(),
        response: { 200: z.object({ accessToken: z.string(), expiresIn: z.number() }), ...problemResponses },
      },
    },
    async (request) => {
      const token = await control<{ access_token: string; expires_in: number }>('/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request.body),
      });
      return { accessToken: token.access_token, expiresIn: token.expires_in };
    },
  );

  fastify.get(
    '/sandbox/mailboxes/:upn/messages',
    {
      config: { auth: 'public' },
      schema: {
        summary: "A demo mailbox's inbox and junk, for the harness",
        params: upnParam,
        response: { 200: z.array(harnessMessage), ...problemResponses },
      },
    },
    async (request) => {
      const select = odataQuery({
        $select: 'id,internetMessageId,subject,from,receivedDateTime,isRead',
        $top: 50,
        $orderby: 'receivedDateTime desc',
      });
      const folders = ['inbox', 'junkemail'];
      const pages = await Promise.all(
        folders.map((folder) =>
          fastify.graph.client
            .api(graphPath`/users/${request.params.upn}/mailFolders/${folder}/messages` + select)
            .get(),
        ),
      );
      return pages.flatMap((page: { value: GraphMessage[] }, index) =>
        page.value.map((m) => ({
          id: m.id,
          internetMessageId: m.internetMessageId ?? '',
          subject: m.subject ?? '',
          from: { name: m.from?.emailAddress?.name ?? '', address: m.from?.emailAddress?.address ?? '' },
          receivedDateTime: m.receivedDateTime ?? '',
          isRead: m.isRead ?? false,
          folder: folders[index]!,
        })),
      );
    },
  );

  fastify.get(
    '/sandbox/mailboxes/:upn/messages/:id/mime',
    {
      config: { auth: 'public' },
      schema: {
        summary: "A message's MIME, as Office's getAsFileAsync gives it (base64)",
        params: upnParam.extend({ id: z.string().min(1).max(512) }),
        response: { 200: z.object({ base64: z.string() }), ...problemResponses },
      },
    },
    async (request) => {
      const stream = await fastify.graph.client
        .api(graphPath`/users/${request.params.upn}/messages/${request.params.id}/$value`)
        .getStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
      return { base64: Buffer.concat(chunks).toString('base64') };
    },
  );
};

export default sandboxHarnessRoutes;
