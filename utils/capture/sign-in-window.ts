import type { HarEntry } from '../har/types';
import { isProtocolExchange, MARKERS } from '../protocols/detectors';

// What capture keeps (panel and recorder alike): every exchange a protocol detects, plus the other requests of an
// open sign-in window (redirects, error pages, the landing page), so that a flow's hops reach the engine. The
// filtering of what is *shown* is the views' business.

/** A sign-in window stays open this long after its last protocol exchange. */
export const HOP_WINDOW_MS = 30_000;
/** At most this many other requests are kept per window (a busy page loads hundreds of assets). */
export const MAX_HOPS_PER_WINDOW = 40;
/** A hop keeps its response body only when it is a small error page (an IdP's error code lives there). */
export const MAX_HOP_BODY_CHARS = 64 * 1024;

export interface WindowState {
  /** End of the open window (ms since the epoch), or undefined when none is open. */
  until?: number;
  hops: number;
}

export const CLOSED: WindowState = { hops: 0 };

/** The Location of a redirect, as the HAR holds it (redirectURL, else the header). */
function redirectTarget(entry: HarEntry): string | undefined {
  const { response } = entry;
  const status = typeof response?.status === 'number' ? response.status : Number(response?.status);
  if (!(status >= 300 && status < 400)) return undefined;
  const headers = Array.isArray(response.headers) ? response.headers : [];
  const location = (typeof response.redirectURL === 'string' && response.redirectURL) || headers.find((h) => typeof h?.name === 'string' && h.name.toLowerCase() === 'location')?.value;
  return typeof location === 'string' && location ? location : undefined;
}

/**
 * A redirect that sends the browser to a protocol message (the service's login URL answering 302 to the IdP with
 * a SAMLRequest): the first step of a sign-in, seen before any protocol exchange opens a window.
 */
export function leadsToSignIn(entry: HarEntry): boolean {
  const target = redirectTarget(entry);
  if (!target || !MARKERS.some((m) => target.includes(m))) return false;
  let url = target;
  try {
    url = new URL(target, entry.request.url).href;
  } catch {
    // a Location that cannot be resolved is read as written
  }
  return isProtocolExchange({ startedDateTime: entry.startedDateTime, request: { method: 'GET', url, headers: [] }, response: { status: 0, headers: [] } });
}

/** What to do with one arriving exchange, in capture order. */
export function classify(entry: HarEntry, window: WindowState): { keep: 'protocol' | 'hop' | false; window: WindowState } {
  const at = Date.parse(entry.startedDateTime);
  if (isProtocolExchange(entry)) return { keep: 'protocol', window: { until: (Number.isNaN(at) ? (window.until ?? 0) : at) + HOP_WINDOW_MS, hops: 0 } };
  // The protocol exchange it leads to comes next and opens the window: this hop only needs keeping.
  if (leadsToSignIn(entry)) return { keep: 'hop', window };
  if (window.until === undefined || window.hops >= MAX_HOPS_PER_WINDOW) return { keep: false, window };
  // A capture time that cannot be read counts as inside the window: the count still bounds it.
  if (!Number.isNaN(at) && at > window.until) return { keep: false, window: CLOSED };
  return { keep: 'hop', window: { until: window.until, hops: window.hops + 1 } };
}

/** A hop as kept: no request body, and a response body only for a small error page. */
export function slimHop(entry: HarEntry): HarEntry {
  const { postData: _body, ...request } = entry.request;
  const { response } = entry;
  const content = response?.content;
  const errorPage = typeof response?.status === 'number' && response.status >= 400 && typeof content?.text === 'string' && content.text.length <= MAX_HOP_BODY_CHARS;
  if (!content || errorPage || content.text === undefined) return { ...entry, request };
  const { text: _text, ...rest } = content;
  return { ...entry, request, response: { ...response, content: rest } };
}

/** A rough size of what an entry holds in memory (its texts), for the byte bound. */
export function entryBytes(entry: HarEntry): number {
  const { request, response } = entry;
  return 2 * ((request?.url?.length ?? 0) + (request?.postData?.text?.length ?? 0) + (response?.content?.text?.length ?? 0)) + 512;
}
