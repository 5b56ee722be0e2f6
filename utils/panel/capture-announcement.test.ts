import { describe, expect, it } from 'vitest';
import { ANNOUNCE_EVERY_MS, nextAnnouncement } from './capture-announcement';

describe('announcing new captures to screen readers', () => {
  const start = { announced: 0, at: 0 };

  it('announces the first capture with its count', () => {
    expect(nextAnnouncement(start, 2, 10_000, true)).toEqual({ state: { announced: 2, at: 10_000 }, text: '2 new messages captured, 2 in all' });
    expect(nextAnnouncement(start, 1, 10_000, true).text).toBe('1 new message captured, 1 in all');
  });

  it('waits out the rate limit, then sums what came meanwhile', () => {
    const first = nextAnnouncement(start, 1, 10_000, true).state;
    const early = nextAnnouncement(first, 3, 10_000 + 1_000, true);
    expect(early.text).toBeUndefined();
    expect(early.retryInMs).toBe(ANNOUNCE_EVERY_MS - 1_000);
    expect(nextAnnouncement(first, 4, 10_000 + ANNOUNCE_EVERY_MS, true).text).toBe('3 new messages captured, 4 in all');
  });

  it('stays silent for a clear and for an imported file, and counts from there', () => {
    const cleared = nextAnnouncement({ announced: 5, at: 0 }, 0, 10_000, true);
    expect(cleared).toEqual({ state: { announced: 0, at: 0 } });
    const file = nextAnnouncement(cleared.state, 40, 20_000, false);
    expect(file.text).toBeUndefined();
    expect(nextAnnouncement(file.state, 41, 30_000, true).text).toBe('1 new message captured, 41 in all');
  });
});
