import { httpStatusOf } from '../har/http-status';
import type { HarEntry } from '../har/types';
import type { Message } from '../protocols/types';
import { readIdpErrorPage } from './idp-error-page';
import type { Flow, Hop } from './types';

/** A sign-in that redirects more often than this after its last message is not followed further. */
const MAX_TRAILING_HOPS = 20;
/** Redirects followed back from the first message to where the sign-in started (the service's login URL). */
const MAX_LEADING_HOPS = 10;

/**
 * The non-protocol exchanges of each sign-in, in capture order: the redirect chain that led to its first message
 * (the service sending the browser to the IdP), those between its first and last message, then the redirect
 * chain after its last message up to the first answer that is not a redirect (the landing page). IdP error pages
 * among them, or answering one of the flow's own messages, are read into `errorPages`.
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

    const leading: Hop[] = [];
    for (let i = first - 1; i >= 0 && i >= first - MAX_LEADING_HOPS && !withMessages.has(i); i--) {
      if (!redirectsTo(entries[i]!, entries[i + 1]!.request.url)) break;
      leading.unshift(hopOf(entries[i]!, i));
    }
    hops.push(...leading);
    for (let i = first + 1; i < last; i++) if (!withMessages.has(i)) hops.push(hopOf(entries[i]!, i));
    // The answer to the last message decides whether the landing page follows: only a redirect leads on.
    let redirects = isRedirect(entries[last]);
    for (let i = last + 1; redirects && i < entries.length && i <= last + MAX_TRAILING_HOPS; i++) {
      if (withMessages.has(i)) break;
      hops.push(hopOf(entries[i]!, i));
      redirects = isRedirect(entries[i]);
    }
    if (hops.length) flow.hops = hops;

    // The IdP may answer the request itself with its error page (Entra shows AADSTS pages at the SAML endpoint).
    const errorPages = [...new Set([...indices, ...hops.map((h) => h.exchangeIndex)])]
      .sort((a, b) => a - b)
      .flatMap((i) => {
        const page = readIdpErrorPage(entries[i]!);
        return page ? [{ exchangeIndex: i, url: entries[i]!.request.url, status: httpStatusOf(entries[i]), page }] : [];
      });
    if (errorPages.length) flow.errorPages = errorPages;
  }
}

function isRedirect(entry: HarEntry | undefined): boolean {
  const status = httpStatusOf(entry);
  return status !== undefined && status >= 300 && status < 400;
}

function locationOf(entry: HarEntry): string | undefined {
  const { response } = entry;
  const headers = Array.isArray(response?.headers) ? response.headers : [];
  const location = (typeof response?.redirectURL === 'string' && response.redirectURL) || headers.find((h) => typeof h?.name === 'string' && h.name.toLowerCase() === 'location')?.value;
  return typeof location === 'string' && location ? location : undefined;
}

/** True when `entry` is a redirect whose Location (resolved against its URL) is `next`. */
function redirectsTo(entry: HarEntry, next: string): boolean {
  if (!isRedirect(entry)) return false;
  const location = locationOf(entry);
  if (!location) return false;
  try {
    return new URL(location, entry.request.url).href === new URL(next).href;
  } catch {
    return location === next;
  }
}

/** One exchange as a step of a trace: what the timeline shows of a request no protocol claims. */
export function hopOf(entry: HarEntry, exchangeIndex: number): Hop {
  const hop: Hop = { exchangeIndex, method: entry.request.method, url: entry.request.url };
  const status = httpStatusOf(entry);
  if (status !== undefined) hop.status = status;
  const location = locationOf(entry);
  if (location) hop.location = location;
  const mime = entry.response?.content?.mimeType;
  if (typeof mime === 'string' && mime) hop.mimeType = mime;
  if (typeof entry.startedDateTime === 'string' && entry.startedDateTime) hop.capturedAt = entry.startedDateTime;
  if (typeof entry.time === 'number') hop.durationMs = entry.time;
  return hop;
}
