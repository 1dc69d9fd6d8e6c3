// Collection periods: consecutive windows of `frequency` minutes, due once their end has passed by
// the offset, merged up to the maximum while more than one is due; and meeting message types.
import { describe, expect, it } from 'vitest';
import { COLLECTION_DEFAULTS } from '@clawback/shared';
import { meetingType } from '../../../api/src/collections/items.js';
import { nextBatchWindow, nextDueAt } from '../../../api/src/collections/windows.js';

const MINUTE = 60_000;
const start = new Date('2026-03-01T00:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);

describe('nextBatchWindow', () => {
  it('is null until a whole window has ended', () => {
    expect(nextBatchWindow(start, COLLECTION_DEFAULTS, at(59))).toBeNull();
    expect(nextBatchWindow(start, COLLECTION_DEFAULTS, at(60))).toEqual({
      start,
      end: at(60),
      windows: 1,
      coldStart: false,
    });
  });

  it('merges up to the maximum during a cold start', () => {
    expect(nextBatchWindow(start, COLLECTION_DEFAULTS, at(100 * 60))).toMatchObject({
      end: at(24 * 60),
      windows: 24,
      coldStart: true,
    });
    expect(nextBatchWindow(start, COLLECTION_DEFAULTS, at(5 * 60 + 30))).toMatchObject({
      end: at(5 * 60),
      windows: 5,
    });
    const single = { ...COLLECTION_DEFAULTS, mergeBatchesDuringColdStart: false };
    expect(nextBatchWindow(start, single, at(100 * 60))).toMatchObject({
      end: at(60),
      windows: 1,
      coldStart: true,
    });
  });

  it('moves the end back by the offset', () => {
    const offset = { ...COLLECTION_DEFAULTS, collectionPeriodOffsetMinutes: 15 };
    expect(nextBatchWindow(start, offset, at(74))).toBeNull();
    expect(nextBatchWindow(start, offset, at(75))).toMatchObject({ end: at(60), windows: 1 });
    expect(nextDueAt(start, offset)).toEqual(at(75));
  });
});

describe('meetingType', () => {
  it('reads requests and cancellations from event messages', () => {
    expect(
      meetingType({
        id: 'a',
        '@odata.type': '#microsoft.graph.eventMessageRequest',
        meetingMessageType: 'meetingRequest',
      }),
    ).toBe('meetingRequest');
    expect(
      meetingType({
        id: 'b',
        '@odata.type': '#microsoft.graph.eventMessage',
        meetingMessageType: 'meetingCancelled',
      }),
    ).toBe('meetingCancelled');
    expect(meetingType({ id: 'c', '@odata.type': '#microsoft.graph.eventMessage' })).toBe('meetingMessage');
    expect(meetingType({ id: 'd' })).toBeNull();
  });
});
