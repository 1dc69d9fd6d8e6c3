// @vitest-environment jsdom
// The progress bar of a retraction, fed by server-sent events: counts, status, time left, and a
// stream that ends before the retraction does.
import { cleanup, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { afterEach, describe, expect, it } from 'vitest';
import type { Retraction } from '../../../addin/src/api/schemas.js';
import { strings } from '../../../addin/src/strings.js';
import { RetractionProgress } from '../../../addin/src/taskpane/admin/RetractionProgress.js';
import { installDomShims, retraction } from './fixtures.js';

installDomShims();
afterEach(cleanup);

const snapshot = (status: Retraction['status'], done: number, extra: Partial<Retraction> = {}) =>
  retraction(status, done, 100, extra);

/** Events released one by one by the test, as a server would send them. */
function controlledStream() {
  const queue: (Retraction | null)[] = [];
  let wake: (() => void) | null = null;
  return {
    push(event: Retraction | null) {
      queue.push(event);
      wake?.();
    },
    async *events(): AsyncGenerator<Retraction> {
      for (;;) {
        while (!queue.length) await new Promise<void>((resolve) => (wake = resolve));
        const next = queue.shift()!;
        if (next === null) return;
        yield next;
      }
    },
  };
}

function renderProgress(events: () => AsyncIterable<Retraction>, clock: { now: number }) {
  render(
    <FluentProvider theme={webLightTheme}>
      <RetractionProgress retractionId="x1" events={events} now={() => clock.now} />
    </FluentProvider>,
  );
}

describe('retraction progress', () => {
  it('moves the bar with each event and estimates the time left', async () => {
    const stream = controlledStream();
    const clock = { now: 0 };
    renderProgress(() => stream.events(), clock);
    stream.push(snapshot('running', 10));
    expect(await screen.findByText(strings.progress.counts(10, 100))).toBeTruthy();
    expect(screen.getByText(strings.progress.etaUnknown)).toBeTruthy();
    clock.now = 10_000;
    stream.push(snapshot('running', 30));
    // 20 mailboxes in 10 s: 70 left → 35 s.
    expect(await screen.findByText(strings.progress.eta(35))).toBeTruthy();
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0.3');
    stream.push(snapshot('completed', 100));
    expect(await screen.findByText(strings.statusNames.completed)).toBeTruthy();
    expect(screen.queryByText(/left/)).toBeNull();
  });

  it("prefers the server's estimate when it gives one", async () => {
    const stream = controlledStream();
    renderProgress(() => stream.events(), { now: 0 });
    stream.push(snapshot('running', 50, { etaSeconds: 125 }));
    expect(await screen.findByText(strings.progress.eta(125))).toBeTruthy();
  });

  it('gives no time left while the retraction waits for an approver, and tells each state', async () => {
    const stream = controlledStream();
    const seen: string[] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <RetractionProgress
          retractionId="x1"
          events={() => stream.events()}
          label="Undo progress"
          onUpdate={(r) => seen.push(r.status)}
        />
      </FluentProvider>,
    );
    stream.push(snapshot('awaitingApproval', 0));
    expect(await screen.findByText(strings.statusNames.awaitingApproval)).toBeTruthy();
    expect(screen.queryByText(strings.progress.etaUnknown)).toBeNull();
    expect(screen.getByRole('group', { name: 'Undo progress' })).toBeTruthy();
    stream.push(snapshot('running', 10));
    expect(await screen.findByText(strings.progress.etaUnknown)).toBeTruthy();
    expect(seen).toEqual(['awaitingApproval', 'running']);
  });

  it('says live progress stopped when the stream ends before the retraction', async () => {
    const stream = controlledStream();
    renderProgress(() => stream.events(), { now: 0 });
    stream.push(snapshot('running', 5));
    stream.push(null);
    expect(await screen.findByText(strings.progress.connectionLost)).toBeTruthy();
  });
});
