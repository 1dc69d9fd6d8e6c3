// A server-sent events reader over fetch. EventSource cannot send an Authorization header, and
// tokens never go in URLs, so the stream is read from a fetch response body instead.

export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
}

/** Yields each event of a text/event-stream body (WHATWG HTML, "Interpreting an event stream"). */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = { type: '', data: [] as string[], id: undefined as string | undefined };
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = buffer.split(/\r\n|\r|\n/);
      // The last piece may be a partial line, unless the stream ended.
      buffer = done ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        if (line === '') {
          if (event.data.length)
            yield {
              event: event.type || 'message',
              data: event.data.join('\n'),
              ...(event.id ? { id: event.id } : {}),
            };
          event = { type: '', data: [], id: event.id };
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const raw = colon === -1 ? '' : line.slice(colon + 1);
        const value_ = raw.startsWith(' ') ? raw.slice(1) : raw;
        if (field === 'data') event.data.push(value_);
        else if (field === 'event') event.type = value_;
        else if (field === 'id' && !value_.includes('\0')) event.id = value_;
      }
      if (done) {
        finished = true;
        return;
      }
    }
  } finally {
    // The consumer stopped early (unmounted, a terminal status): close the connection.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
