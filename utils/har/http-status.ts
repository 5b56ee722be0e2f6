import type { HarEntry } from './types';

/**
 * The response's HTTP status as a number. Some HAR writers (older Firefox exports, hand-edited tickets) give it
 * as a string ("500"); 0 means the browser recorded no answer (blocked, aborted), which is no status at all.
 */
export function httpStatusOf(entry: Pick<HarEntry, 'response'> | undefined): number | undefined {
  const raw: unknown = entry?.response?.status;
  const status = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d{3}\s*$/.test(raw) ? Number(raw) : NaN;
  return Number.isInteger(status) && status >= 100 && status <= 999 ? status : undefined;
}
