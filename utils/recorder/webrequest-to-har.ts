import { classify, CLOSED, leadsToSignIn, type WindowState } from '../capture/sign-in-window';
import type { HarEntry, HarNameValue } from '../har/types';
import { isProtocolExchange, MARKERS } from '../protocols/detectors';
import { bodyMentions, requestBodyToPostData, type WebRequestBody } from './request-body';

// webRequest events → HAR entries. Events of one request share a `requestId` (through redirects too: each hop
// is its own exchange, as in a devtools HAR). Requests a protocol detects are followed from onBeforeRequest on,
// and so are the navigations of a tab's open sign-in window (its hops, without bodies); the rest are counted
// and forgotten at once, so a busy browser costs a counter, not memory.

/** Hops are navigations and API calls; a page's images, scripts and styles explain no sign-in. */
const HOP_TYPES = new Set(['main_frame', 'sub_frame', 'xmlhttprequest', 'other']);
/** Sign-in windows of this many tabs at most are remembered (tabs close without telling the converter). */
const MAX_WINDOWS = 500;

/** The parts of the webRequest event details this module reads (the browser's objects have more). */
interface RequestDetails {
  requestId: string;
  tabId: number;
  url: string;
  method: string;
  timeStamp: number;
  type?: string;
}

export interface WebRequestHeader {
  name: string;
  value?: string;
  /** Non-UTF-8 values: bytes (Chrome gives an array of numbers). */
  binaryValue?: ArrayBuffer | ArrayLike<number>;
}

export interface BeforeRequestDetails extends RequestDetails {
  requestBody?: WebRequestBody | null;
}
export interface SendHeadersDetails extends RequestDetails {
  requestHeaders?: WebRequestHeader[];
}
export interface ResponseDetails extends RequestDetails {
  statusCode: number;
  statusLine?: string;
  responseHeaders?: WebRequestHeader[];
  fromCache?: boolean;
}
export interface RedirectDetails extends ResponseDetails {
  redirectUrl: string;
}
export interface ErrorDetails extends RequestDetails {
  error: string;
}

/** A finished SAML exchange and the tab it happened in (-1: not in a tab, e.g. a service worker). */
export interface RecordedExchange {
  entry: HarEntry;
  tabId: number;
}

interface InFlight {
  tabId: number;
  startedAt: number;
  entry: HarEntry;
  /** The body came from formData: its text is urlencoded whatever the Content-Type says. */
  bodyFromForm: boolean;
}

/** Requests that never finish (a tab closed mid-flight on a browser that drops the event) must not pile up. */
export const MAX_IN_FLIGHT = 200;

function headerValue(h: WebRequestHeader): string {
  if (h.value !== undefined) return h.value;
  if (!h.binaryValue) return '';
  const bytes = Array.isArray(h.binaryValue) ? Uint8Array.from(h.binaryValue) : new Uint8Array(h.binaryValue as ArrayBuffer);
  return new TextDecoder('latin1').decode(bytes);
}

function toHarHeaders(headers: WebRequestHeader[] | undefined): HarNameValue[] {
  return (headers ?? []).map((h) => ({ name: h.name, value: headerValue(h) }));
}

function findHeader(headers: HarNameValue[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

function queryString(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/** "HTTP/1.1 302 Found" → version and reason; HTTP/2 status lines have no reason phrase. */
function parseStatusLine(line: string | undefined): { httpVersion?: string; statusText?: string } {
  const m = /^(\S+)\s+\d{3}\s*(.*)$/.exec(line ?? '');
  if (!m) return {};
  return { httpVersion: m[1], statusText: m[2] ?? '' };
}

export class WebRequestToHar {
  private readonly inFlight = new Map<string, InFlight>();
  private readonly windows = new Map<number, WindowState>();
  /** Start times of the requests not followed, by requestId: a redirect of one may turn out to start a sign-in. */
  private readonly starts = new Map<string, number>();

  /**
   * Start of a request (and of each redirect hop). Returns whether a protocol detects it (then it is followed);
   * the caller counts the others, including the hops of a sign-in window, which are followed too.
   */
  beforeRequest(details: BeforeRequestDetails): boolean {
    // A redirect hop reuses the requestId; its previous hop was settled by onBeforeRedirect (or never followed).
    this.inFlight.delete(details.requestId);
    const body = details.requestBody ?? undefined;
    const entry = (withBody: boolean): HarEntry => {
      const postData = withBody ? requestBodyToPostData(body) : undefined;
      const e: HarEntry = {
        startedDateTime: new Date(details.timeStamp).toISOString(),
        request: { method: details.method, url: details.url, headers: [], queryString: queryString(details.url), ...(postData ? { postData } : {}) },
        response: { status: 0, headers: [] },
      };
      if (details.type) e._resourceType = details.type;
      return e;
    };
    const mentioned = MARKERS.some((m) => details.url.includes(m)) || bodyMentions(body, MARKERS);
    const full = mentioned ? entry(true) : undefined;
    if (full && isProtocolExchange(full)) {
      this.openWindow(details.tabId, classify(full, CLOSED).window);
      this.follow(details, full, !!full.request.postData?.params);
      return true;
    }
    if (details.type && !HOP_TYPES.has(details.type)) return false;
    const window = this.windows.get(details.tabId);
    if (!window) {
      // Its redirect may yet lead to a sign-in (beforeRedirect): only its start time is remembered till then.
      this.remember(details);
      return false;
    }
    // A hop is kept without its body (a password form is no evidence of a sign-in problem).
    const bare = entry(false);
    const verdict = classify(bare, window);
    this.windows.set(details.tabId, verdict.window);
    if (verdict.keep === 'hop') this.follow(details, bare, false);
    return false;
  }

  private remember(details: BeforeRequestDetails): void {
    if (this.starts.size >= MAX_IN_FLIGHT) this.starts.delete(this.starts.keys().next().value!);
    this.starts.set(details.requestId, details.timeStamp);
  }

  private openWindow(tabId: number, window: WindowState): void {
    this.windows.delete(tabId);
    if (this.windows.size >= MAX_WINDOWS) this.windows.delete(this.windows.keys().next().value!);
    this.windows.set(tabId, window);
  }

  private follow(details: BeforeRequestDetails, entry: HarEntry, bodyFromForm: boolean): void {
    if (this.inFlight.size >= MAX_IN_FLIGHT) {
      const oldest = this.inFlight.keys().next().value;
      if (oldest !== undefined) this.inFlight.delete(oldest);
    }
    this.inFlight.set(details.requestId, { tabId: details.tabId, startedAt: details.timeStamp, entry, bodyFromForm });
  }

  /** onSendHeaders / onBeforeSendHeaders with extraInfoSpec ['requestHeaders']. */
  sendHeaders(details: SendHeadersDetails): void {
    const flight = this.inFlight.get(details.requestId);
    if (!flight || !details.requestHeaders) return;
    const { request } = flight.entry;
    request.headers = toHarHeaders(details.requestHeaders);
    const contentType = findHeader(request.headers, 'content-type');
    if (request.postData && contentType && !flight.bodyFromForm) request.postData.mimeType = contentType;
  }

  /** onHeadersReceived: status and headers before the body (onCompleted repeats them). */
  headersReceived(details: ResponseDetails): void {
    const flight = this.inFlight.get(details.requestId);
    if (flight) this.setResponse(flight, details);
  }

  /** onBeforeRedirect: this hop is over (a 3xx). */
  beforeRedirect(details: RedirectDetails): RecordedExchange | undefined {
    const flight = this.inFlight.get(details.requestId) ?? this.signInStart(details);
    if (!flight) return undefined;
    this.setResponse(flight, details);
    flight.entry.response.redirectURL = details.redirectUrl;
    return this.finish(details);
  }

  /**
   * A request not followed whose redirect goes to a protocol message (the service's login URL sending the browser
   * to the IdP): the sign-in's first step, kept as a hop. Followed from here so the usual finish applies.
   */
  private signInStart(details: RedirectDetails): InFlight | undefined {
    const startedAt = this.starts.get(details.requestId);
    this.starts.delete(details.requestId);
    if (startedAt === undefined || !MARKERS.some((m) => details.redirectUrl.includes(m))) return undefined;
    const entry: HarEntry = {
      startedDateTime: new Date(startedAt).toISOString(),
      request: { method: details.method, url: details.url, headers: [], queryString: queryString(details.url) },
      response: { status: details.statusCode, headers: [], redirectURL: details.redirectUrl },
    };
    if (!leadsToSignIn(entry)) return undefined;
    const flight: InFlight = { tabId: details.tabId, startedAt, entry, bodyFromForm: false };
    this.inFlight.set(details.requestId, flight);
    return flight;
  }

  /** onCompleted. */
  completed(details: ResponseDetails): RecordedExchange | undefined {
    this.starts.delete(details.requestId);
    const flight = this.inFlight.get(details.requestId);
    if (!flight) return undefined;
    this.setResponse(flight, details);
    return this.finish(details);
  }

  /** onErrorOccurred: no response (blocked, aborted, network error). HAR's convention is status 0. */
  errorOccurred(details: ErrorDetails): RecordedExchange | undefined {
    this.starts.delete(details.requestId);
    const flight = this.inFlight.get(details.requestId);
    if (!flight) return undefined;
    flight.entry.response.status = 0;
    flight.entry.response.statusText = details.error;
    return this.finish(details);
  }

  /** Forget requests in flight (recording turned off). */
  reset(): void {
    this.inFlight.clear();
    this.starts.clear();
  }

  get pending(): number {
    return this.inFlight.size;
  }

  private setResponse(flight: InFlight, details: ResponseDetails): void {
    const { response } = flight.entry;
    response.status = details.statusCode;
    const { httpVersion, statusText } = parseStatusLine(details.statusLine);
    if (statusText !== undefined) response.statusText = statusText;
    if (httpVersion) {
      response.httpVersion = httpVersion;
      flight.entry.request.httpVersion = httpVersion;
    }
    if (details.responseHeaders) {
      response.headers = toHarHeaders(details.responseHeaders);
      const mimeType = findHeader(response.headers, 'content-type');
      response.content = { size: -1, mimeType: mimeType ?? '' };
      const location = findHeader(response.headers, 'location');
      if (location && !response.redirectURL) response.redirectURL = location;
    }
  }

  private finish(details: RequestDetails): RecordedExchange {
    const flight = this.inFlight.get(details.requestId)!;
    this.inFlight.delete(details.requestId);
    flight.entry.time = Math.max(0, details.timeStamp - flight.startedAt);
    return { entry: flight.entry, tabId: flight.tabId };
  }
}
