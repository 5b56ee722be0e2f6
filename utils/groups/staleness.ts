const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A cached list older than this is flagged: organization groups change, and parity is only as good as the list. */
export const STALE_AFTER_DAYS = 7;

/** "fetched 3 days ago" style age of a cached list. */
export function describeAge(fetchedAt: number, now: number): string {
  const age = now - fetchedAt;
  if (age < 0) return 'just now';
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return plural(Math.floor(age / MINUTE), 'minute');
  if (age < DAY) return plural(Math.floor(age / HOUR), 'hour');
  const days = Math.floor(age / DAY);
  if (days === 1) return 'yesterday';
  if (days < 60) return `${days} days ago`;
  return plural(Math.floor(days / 30), 'month');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
}

export function isStale(fetchedAt: number, now: number, days = STALE_AFTER_DAYS): boolean {
  return now - fetchedAt > days * DAY;
}
