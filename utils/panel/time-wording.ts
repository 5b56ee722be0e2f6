/** "4 min", "40 s", "3 h", "2 days": the coarsest unit that still says something to an admin. */
export function describeDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 120) return `${min} min`;
  const h = Math.round(min / 60);
  if (h < 48) return `${h} h`;
  return `${Math.round(h / 24)} days`;
}

export type Validity =
  | { state: 'valid'; text: string }
  | { state: 'expired'; text: string }
  | { state: 'not-yet'; text: string }
  | { state: 'unknown'; text: string };

/**
 * How a validity window looks at `now`: "valid for 4 min", "expired 12 min ago", "not valid for another 2 min".
 * Times that do not parse say so instead of guessing.
 */
export function describeValidity(window: { notBefore?: string; notOnOrAfter?: string }, now: number): Validity {
  const from = window.notBefore === undefined ? undefined : Date.parse(window.notBefore);
  const until = window.notOnOrAfter === undefined ? undefined : Date.parse(window.notOnOrAfter);
  if ((from !== undefined && Number.isNaN(from)) || (until !== undefined && Number.isNaN(until))) {
    return { state: 'unknown', text: 'not a valid date-time' };
  }
  if (from !== undefined && now < from) return { state: 'not-yet', text: `not valid for another ${describeDuration(from - now)}` };
  if (until !== undefined) {
    return now >= until
      ? { state: 'expired', text: `expired ${describeDuration(now - until)} ago` }
      : { state: 'valid', text: `valid for ${describeDuration(until - now)}` };
  }
  return from !== undefined ? { state: 'valid', text: 'valid, no end time' } : { state: 'unknown', text: 'no time limits' };
}

/** "3 min before capture" / "5 s after capture" (or "3 min ago" against now) for instants such as IssueInstant. */
export function describeOffset(instant: string | undefined, now: number, reference = 'capture'): string | undefined {
  if (instant === undefined) return undefined;
  const t = Date.parse(instant);
  if (Number.isNaN(t)) return 'not a valid date-time';
  if (reference === 'now') return Math.abs(t - now) < 1000 ? 'now' : t < now ? `${describeDuration(now - t)} ago` : `in ${describeDuration(t - now)}`;
  if (Math.abs(t - now) < 1000) return `at ${reference}`;
  return `${describeDuration(t - now)} ${t < now ? 'before' : 'after'} ${reference}`;
}
