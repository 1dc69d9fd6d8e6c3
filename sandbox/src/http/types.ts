// The sandbox's own request/response shapes. Handlers are plain functions over these, so the same
// handler serves a top-level HTTP request and a request inside a Graph `$batch`.

export interface SandboxRequest {
  method: string;
  /** Path without the query string, percent-decoding left to the router. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  /** Parsed JSON body, or form fields for `application/x-www-form-urlencoded`. */
  body: unknown;
  rawBody: Buffer;
  /** Set when the body claimed to be JSON or a form and could not be parsed. */
  bodyError?: string;
  params: Record<string, string>;
  /** Origin the client used, e.g. https://localhost:4443, for links in responses. */
  origin: string;
  /** Set for requests that arrive inside a `$batch`. */
  batchItemId?: string;
}

export type ResponseBody = unknown;

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer as is; undefined as no body. */
  body?: ResponseBody;
}

export type Handler = (request: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return { status, body, headers };
}

export function noContent(headers: Record<string, string> = {}): SandboxResponse {
  return { status: 204, headers };
}
