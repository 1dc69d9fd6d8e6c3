// Sandbox builds only: the API's /api/v1/sandbox routes, which list the demo people, give them
// tokens as Outlook or Teams would, and show a demo mailbox for the local harness. Production
// builds never import this folder (see vite.config.ts and the production-build test).
import { z } from 'zod';
import { ApiError } from '../api/problem.js';

export const demoUserSchema = z.object({
  upn: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  kind: z.string(),
});

export const harnessMessageSchema = z.object({
  id: z.string(),
  internetMessageId: z.string(),
  subject: z.string(),
  from: z.object({ name: z.string(), address: z.string() }),
  receivedDateTime: z.string(),
  isRead: z.boolean(),
  folder: z.string(),
});

const tokenSchema = z.object({ accessToken: z.string(), expiresIn: z.number() });
const mimeSchema = z.object({ base64: z.string() });

export type DemoUser = z.infer<typeof demoUserSchema>;
export type HarnessMessage = z.infer<typeof harnessMessageSchema>;
export type SandboxClient = 'outlook' | 'teams';

export interface HarnessApiOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
}

export function createHarnessApi(options: HarnessApiOptions = {}) {
  const baseUrl = `${(options.baseUrl ?? '/api/v1').replace(/\/$/, '')}/sandbox`;
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function json<S extends z.ZodType>(schema: S, path: string, body?: unknown): Promise<z.infer<S>> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ApiError(
        0,
        'network_error',
        'Network error',
        error instanceof Error ? error.message : String(error),
      );
    }
    if (!response.ok) throw await ApiError.fromResponse(response);
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success)
      throw new ApiError(response.status, 'unexpected_response', 'Unexpected sandbox response');
    return parsed.data;
  }

  const mailbox = (upn: string) => `/mailboxes/${encodeURIComponent(upn)}/messages`;
  return {
    users: () => json(z.array(demoUserSchema), '/users'),
    token: (user: string, client: SandboxClient) => json(tokenSchema, '/token', { user, client }),
    messages: (upn: string) => json(z.array(harnessMessageSchema), mailbox(upn)),
    mime: async (upn: string, id: string) =>
      (await json(mimeSchema, `${mailbox(upn)}/${encodeURIComponent(id)}/mime`)).base64,
  };
}

export type HarnessApi = ReturnType<typeof createHarnessApi>;
