import { describe, expect, it } from 'vitest';
import { formatInstant, formatSpan, judgeWindow, parseInstant, timeEvidence } from './time-window';

describe('parseInstant', () => {
  it('reads SAML instants: Z, offsets, no zone (UTC), nanoseconds', () => {
    expect(parseInstant('2024-01-01T10:00:00Z')).toBe(Date.UTC(2024, 0, 1, 10));
    expect(parseInstant('2024-01-01T10:00:00.5Z')).toBe(Date.UTC(2024, 0, 1, 10, 0, 0, 500));
    expect(parseInstant('2014-03-21T19:20:13')).toBe(Date.UTC(2014, 2, 21, 19, 20, 13));
    expect(parseInstant('2015-11-30T20:56:15.640998448-05:00')).toBe(Date.UTC(2015, 11, 1, 1, 56, 15, 640));
  });

  it('refuses what is not an instant', () => {
    expect(parseInstant(undefined)).toBeUndefined();
    expect(parseInstant('yesterday')).toBeUndefined();
    expect(parseInstant('2024-13-45T99:00:00Z')).toBeUndefined();
  });
});

describe('wording', () => {
  it('formats spans as people say them', () => {
    expect([45_000, 720_000, 7_500_000, 3 * 86_400_000, -60_000].map(formatSpan)).toEqual(['45 s', '12 min', '2 h 5 min', '3 days', '60 s']);
  });

  it('gives the time of day only for a same-day now', () => {
    const ctx = { now: Date.UTC(2024, 0, 1, 10, 12), nowSource: 'capture' as const, skewSeconds: 300 };
    expect(timeEvidence('NotOnOrAfter', Date.UTC(2024, 0, 1, 10), ctx)).toBe('NotOnOrAfter 2024-01-01T10:00:00Z, captured 10:12:00Z, 300 s skew allowed');
    expect(timeEvidence('NotBefore', Date.UTC(2023, 11, 31), ctx)).toContain('captured 2024-01-01T10:12:00Z');
    expect(formatInstant(Date.UTC(2024, 0, 1, 0, 0, 0, 5))).toBe('2024-01-01T00:00:00.005Z');
  });
});

describe('judgeWindow', () => {
  const at = (iso: string) => ({ now: Date.parse(iso), skewSeconds: 300 });
  it('widens both bounds by the skew; NotOnOrAfter is exclusive', () => {
    expect(judgeWindow('2024-01-01T10:00:00Z', '2024-01-01T11:00:00Z', at('2024-01-01T09:55:00Z')).state).toBe('ok');
    expect(judgeWindow('2024-01-01T10:00:00Z', undefined, at('2024-01-01T09:54:59Z'))).toMatchObject({ state: 'not-yet-valid', early: 301_000 });
    expect(judgeWindow(undefined, '2024-01-01T11:00:00Z', at('2024-01-01T11:04:59Z')).state).toBe('ok');
    expect(judgeWindow(undefined, '2024-01-01T11:00:00Z', at('2024-01-01T11:05:00Z'))).toMatchObject({ state: 'expired', late: 300_000 });
  });
});
