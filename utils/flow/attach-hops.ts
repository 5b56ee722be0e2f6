import type { HarEntry } from '../har/types';
import type { Message } from '../protocols/types';
import type { Flow, Hop } from './types';

/** A sign-in that redirects more often than this after its last message is not followed further. */
const MAX_TRAILING_HOPS = 20;

/**
 * The non-protocol exchanges of each sign-in: those between the flow's first and last message, then the redirect
 * chain after its last message up to the first answer that is not a redirect (the landing page).
 */
export function attachHops(flows: readonly Flow[], entries: readonly HarEntry[], messages: readonly Message[]): void {
  const withMessages = new Set(messages.map((m) => m.exchangeIndex));
  const indexOf = new Map(messages.map((m) => [m.key, m.exchangeIndex]));
  for (const flow of flows) {
    if (flow.kind !== 'sign-in') continue;
    const indices = flow.messageKeys.map((k) => indexOf.get(k)!);
    const first = Math.min(...indices);
    const last = Math.max(...indices);
    const hops: Hop[] = [];
    for (let i = first + 1; i < last; i++) if (!withMessages.has(i)) hops.push(hopOf(entries[i]!, i));
    // The answer to the last message decides whether the landing page follows: only a redirect leads on.
    let redirects = isRedirect(entries[last]);
    for (let i = last + 1; redirects && i < entries.length && i <= last + MAX_TRAILING_HOPS; i++) {
      if (withMessages.has(i)) break;
      hops.push(hopOf(entries[i]!, i));
      redirects = isRedirect(entries[i]);
    }
    if (hops.length) flow.hops = hops;
  }
}

function isRedirect(entry: HarEntry | undefined): boolean {
  const status = entry?.response?.status;
  return typeof status === 'number' && status >= 300 && status < 400;
}

function hopOf(entry: HarEntry, exchangeIndex: number): Hop {
  const hop: Hop = { exchangeIndex, method: entry.request.method, url: entry.request.url };
  const { response } = entry;
  if (typeof response?.status === 'number' && response.status) hop.status = response.status;
  const headers = Array.isArray(response?.headers) ? response.headers : [];
  const location = response?.redirectURL || headers.find((h) => h.name.toLowerCase() === 'location')?.value;
  if (location) hop.location = location;
  if (response?.content?.mimeType) hop.mimeType = response.content.mimeType;
  if (entry.startedDateTime) hop.capturedAt = entry.startedDateTime;
  if (typeof entry.time === 'number') hop.durationMs = entry.time;
  return hop;
}
