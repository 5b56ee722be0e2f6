import { describe, expect, it } from 'vitest';
import { describeDuration, describeOffset, describeValidity } from './time-wording';

const now = Date.parse('2025-03-10T12:00:00Z');

describe('validity wording', () => {
  it('says how long an assertion stays valid', () => {
    expect(describeValidity({ notBefore: '2025-03-10T11:59:00Z', notOnOrAfter: '2025-03-10T12:05:00Z' }, now)).toEqual({
      state: 'valid',
      text: 'valid for 5 min',
    });
  });

  it('says how long ago it expired, in the coarsest useful unit', () => {
    expect(describeValidity({ notOnOrAfter: '2025-03-10T11:48:00Z' }, now).text).toBe('expired 12 min ago');
    expect(describeValidity({ notOnOrAfter: '2025-03-10T12:00:00Z' }, now).state).toBe('expired');
    expect(describeValidity({ notOnOrAfter: '2016-07-25T23:20:00Z' }, now).text).toMatch(/^expired \d+ days ago$/);
  });

  it('flags a window that has not started (clock skew)', () => {
    expect(describeValidity({ notBefore: '2025-03-10T12:02:00Z', notOnOrAfter: '2025-03-10T12:10:00Z' }, now)).toEqual({
      state: 'not-yet',
      text: 'not valid for another 2 min',
    });
  });

  it('does not guess on a bad date', () => {
    expect(describeValidity({ notOnOrAfter: 'tomorrow' }, now).state).toBe('unknown');
    expect(describeValidity({}, now).text).toBe('no time limits');
  });

  it('words durations and offsets', () => {
    expect(describeDuration(40_000)).toBe('40 s');
    expect(describeDuration(3 * 3600_000)).toBe('3 h');
    expect(describeOffset('2025-03-10T11:57:00Z', now)).toBe('3 min before capture');
    expect(describeOffset('2025-03-10T12:00:00.400Z', now)).toBe('at capture');
    expect(describeOffset(undefined, now)).toBeUndefined();
    expect(describeOffset('2025-03-10T11:57:00Z', now, 'now')).toBe('3 min ago');
    expect(describeOffset('2025-03-10T14:00:00Z', now, 'now')).toBe('in 2 h');
  });
});
