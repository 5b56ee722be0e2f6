import type { HarEntry, HarNameValue } from '../har/types';
import { detectSaml } from '../saml/detect';
import { bodyMentionsSaml, requestBodyToPostData, type WebRequestBody } from './request-body';

// webRequest events → HAR entries. Events of one request share a `requestId` (through redirects too: each hop
// is its own exchange, as in a devtools HAR). Only SAML requests are followed from onBeforeRequest on; the rest
// are counted and forgotten at once, so a busy browser costs a counter, not memory.

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

  /**
   * Start of a request (and of each redirect hop). Returns whether it is SAML and being followed; the caller
   * counts the others.
   */
  beforeRequest(details: BeforeRequestDetails): boolean {
    // A redirect hop reuses the requestId; its previous hop was settled by onBeforeRedirect (or never followed).
    this.inFlight.delete(details.requestId);
    const body = details.requestBody ?? undefined;
    if (!details.url.includes('SAML') && !bodyMentionsSaml(body)) return false;
    const postData = requestBodyToPostData(body);
    const entry: HarEntry = {
      startedDateTime: new Date(details.timeStamp).toISOString(),
      request: { method: details.method, url: details.url, headers: [], queryString: queryString(details.url), ...(postData ? { postData } : {}) },
      response: { status: 0, headers: [] },
    };
    if (details.type) entry._resourceType = details.type;
    if (!detectSaml(entry)) return false;
    if (this.inFlight.size >= MAX_IN_FLIGHT) {
      const oldest = this.inFlight.keys().next().value;
      if (oldest !== undefined) this.inFlight.delete(oldest);
    }
    this.inFlight.set(details.requestId, { tabId: details.tabId, startedAt: details.timeStamp, entry, bodyFromForm: !!postData?.params });
    return true;
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
    const flight = this.inFlight.get(details.requestId);
    if (!flight) return undefined;
    this.setResponse(flight, details);
    flight.entry.response.redirectURL = details.redirectUrl;
    return this.finish(details);
  }

  /** onCompleted. */
  completed(details: ResponseDetails): RecordedExchange | undefined {
    const flight = this.inFlight.get(details.requestId);
    if (!flight) return undefined;
    this.setResponse(flight, details);
    return this.finish(details);
  }

  /** onErrorOccurred: no response (blocked, aborted, network error). HAR's convention is status 0. */
  errorOccurred(details: ErrorDetails): RecordedExchange | undefined {
    const flight = this.inFlight.get(details.requestId);
    if (!flight) return undefined;
    flight.entry.response.status = 0;
    flight.entry.response.statusText = details.error;
    return this.finish(details);
  }

  /** Forget requests in flight (recording turned off). */
  reset(): void {
    this.inFlight.clear();
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
