// The server-sent events reader, on the edge cases of the event-stream format.
import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from '../../../addin/src/api/sse.js';

function streamOf(...parts: string[]) {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>) {
  const events = [];
  for await (const event of readServerSentEvents(stream)) events.push(event);
  return events;
}

describe('server-sent events reader', () => {
  it('joins multi-line data, keeps the last id, skips comments and handles CRLF', async () => {
    expect(
      await collect(
        streamOf(': hello\r\n', 'id: 7\r\nevent: progress\r\ndata: a\r\ndata:b\r\n\r\n', 'data: c\n\n'),
      ),
    ).toEqual([
      { event: 'progress', data: 'a\nb', id: '7' },
      { event: 'message', data: 'c', id: '7' },
    ]);
  });

  it('reassembles lines and multi-byte characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('data: café\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 9));
        controller.enqueue(bytes.slice(9));
        controller.close();
      },
    });
    expect(await collect(stream)).toEqual([{ event: 'message', data: 'café' }]);
  });

  it('drops an event the stream cut off before its blank line', async () => {
    expect(await collect(streamOf('data: whole\n\ndata: partial'))).toEqual([
      { event: 'message', data: 'whole' },
    ]);
  });

  it('cancels the connection when the reader stops early', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: tick\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of readServerSentEvents(stream)) {
      expect(event.data).toBe('tick');
      break;
    }
    expect(cancelled).toBe(true);
  });
});
