import { httpStatusOf } from '../har/http-status';
import type { HarEntry } from '../har/types';

// Every request of the inspected tab the panel saw, SAML-tracer style, as one light row each: the Trace tab's "All
// requests" list. The panel keeps protocol exchanges and the hops of their sign-ins in full; this keeps the rest
// as a line (no headers, no bodies) so that the list shows what happened between them.

/** One request the panel saw. */
export interface SeenRequest {
  method: string;
  url: string;
  status?: number;
  /** The `Location` of a redirect. */
  location?: string;
  mimeType?: string;
  /** HAR startedDateTime. */
  startedAt?: string;
  durationMs?: number;
  /** The exchange's index when the panel kept it (protocol exchange or hop); absent: seen, not kept. */
  exchangeIndex?: number;
}

/** The panel lists at most this many requests (the last ones). */
export const MAX_SEEN_REQUESTS = 10_000;

export function seenRequest(entry: HarEntry, exchangeIndex?: number): SeenRequest {
  const row: SeenRequest = { method: String(entry.request?.method ?? ''), url: String(entry.request?.url ?? '') };
  const status = httpStatusOf(entry);
  if (status !== undefined) row.status = status;
  const headers = Array.isArray(entry.response?.headers) ? entry.response.headers : [];
  const location = (typeof entry.response?.redirectURL === 'string' && entry.response.redirectURL) || headers.find((h) => typeof h?.name === 'string' && h.name.toLowerCase() === 'location')?.value;
  if (typeof location === 'string' && location) row.location = location;
  const mime = entry.response?.content?.mimeType;
  if (typeof mime === 'string' && mime) row.mimeType = mime;
  if (typeof entry.startedDateTime === 'string' && entry.startedDateTime) row.startedAt = entry.startedDateTime;
  if (typeof entry.time === 'number') row.durationMs = entry.time;
  if (exchangeIndex !== undefined) row.exchangeIndex = exchangeIndex;
  return row;
}

/** The list with `added` at the end, the oldest dropped past `max`. */
export function withSeen(list: readonly SeenRequest[], added: readonly SeenRequest[], max = MAX_SEEN_REQUESTS): SeenRequest[] {
  if (!added.length) return list as SeenRequest[];
  const all = list.length + added.length > max ? [...list.slice(Math.max(0, list.length + added.length - max)), ...added] : [...list, ...added];
  return all.length > max ? all.slice(all.length - max) : all;
}
