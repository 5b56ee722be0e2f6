import { describe, expect, it } from 'vitest';
import { describeAge, isStale } from './staleness';

const now = Date.parse('2026-03-10T12:00:00Z');
const ago = (ms: number) => now - ms;

describe('describeAge', () => {
  it('words ages from seconds to months', () => {
    expect(describeAge(ago(5_000), now)).toBe('just now');
    expect(describeAge(ago(60_000), now)).toBe('1 minute ago');
    expect(describeAge(ago(45 * 60_000), now)).toBe('45 minutes ago');
    expect(describeAge(ago(3 * 3_600_000), now)).toBe('3 hours ago');
    expect(describeAge(ago(30 * 3_600_000), now)).toBe('yesterday');
    expect(describeAge(ago(3 * 86_400_000), now)).toBe('3 days ago');
    expect(describeAge(ago(90 * 86_400_000), now)).toBe('3 months ago');
  });

  it('does not show negative ages for clocks that moved back', () => {
    expect(describeAge(now + 60_000, now)).toBe('just now');
  });
});

describe('isStale', () => {
  it('flags lists older than a week', () => {
    expect(isStale(ago(6 * 86_400_000), now)).toBe(false);
    expect(isStale(ago(8 * 86_400_000), now)).toBe(true);
  });
});
