// Following a retraction to its end: the event stream first, then polling when the stream breaks
// or closes early, so a plan or run that outlives one connection is still seen to the end.
import { describe, expect, it, vi } from 'vitest';
import { followRetraction } from '../../../addin/src/api/follow-retraction.js';
import type { Retraction } from '../../../addin/src/api/schemas.js';
import { retraction } from './fixtures.js';

function follower(events: () => AsyncGenerator<Retraction>, polls: Retraction[]) {
  return {
    retractionEvents: vi.fn(events),
    getRetraction: vi.fn(async () => polls.shift() ?? polls.at(-1)!),
  };
}

describe('followRetraction', () => {
  it('ends with the stream when the stream reaches a terminal status', async () => {
    const api = follower(async function* () {
      yield retraction('running', 1, 2);
      yield retraction('completed', 2, 2);
    }, []);
    const seen: string[] = [];
    const done = await followRetraction(api, 'x1', (r) => seen.push(r.status), new AbortController().signal);
    expect(done.status).toBe('completed');
    expect(seen).toEqual(['running', 'completed']);
    expect(api.getRetraction).not.toHaveBeenCalled();
  });

  it('polls until the end when the stream breaks off', async () => {
    const api = follower(
      async function* () {
        yield retraction('running', 1, 3);
        throw new TypeError('network error');
      },
      [retraction('running', 2, 3), retraction('completedWithErrors', 3, 3)],
    );
    const seen: string[] = [];
    const done = await followRetraction(
      api,
      'x1',
      (r) => seen.push(r.status),
      new AbortController().signal,
      1,
    );
    expect(done.status).toBe('completedWithErrors');
    expect(seen).toEqual(['running', 'running', 'completedWithErrors']);
    expect(api.getRetraction).toHaveBeenCalledTimes(2);
  });

  it('stops when the caller lets go', async () => {
    const controller = new AbortController();
    const api = follower(
      async function* () {
        yield retraction('running', 0, 3);
      },
      [retraction('running', 0, 3)],
    );
    const following = followRetraction(api, 'x1', () => controller.abort(), controller.signal, 1);
    await expect(following).rejects.toThrow(/abort/i);
  });
});
