import type { HarEntry, HarNameValue } from './types';

export type CaptureFormat = 'har' | 'saml-tracer';

export interface Capture {
  entries: HarEntry[];
  format: CaptureFormat;
}

/** Reading a capture file fails with this: its message is shown to the user as is. */
export class CaptureError extends Error {}

/**
 * Read a HAR 1.2 file (as Chrome and Firefox export it) or a SAML-tracer JSON export into HAR entries.
 * Throws CaptureError with a sentence a support engineer can act on.
 */
export function readCapture(text: string): Capture {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new CaptureError(`The file is not JSON (${(e as Error).message}). Expected a HAR file or a SAML-tracer export.`);
  }
  if (isObject(doc) && isObject(doc.log)) {
    const entries = doc.log.entries;
    if (!Array.isArray(entries)) throw new CaptureError('The HAR file has no log.entries list.');
    return { format: 'har', entries: entries.flatMap((e) => harEntryOf(e) ?? []) };
  }
  if (isObject(doc) && Array.isArray(doc.requests)) {
    const at = typeof doc.timestamp === 'string' ? doc.timestamp : '';
    return { format: 'saml-tracer', entries: doc.requests.filter(isObject).map((r) => fromSamlTracer(r, at)) };
  }
  throw new CaptureError('The JSON is neither a HAR file (no "log") nor a SAML-tracer export (no "requests").');
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * One HAR entry as the engine may trust it, or undefined to skip it. Exported HARs come from many tools and
 * hand edits: entries missing the request URL are skipped rather than failing the whole file, and fields of
 * the wrong type are dropped so that no later step meets a number where it reads a string.
 */
export function harEntryOf(e: unknown): HarEntry | undefined {
  if (!isObject(e) || !isObject(e.request) || typeof e.request.url !== 'string') return undefined;
  const entry = e as unknown as HarEntry;
  const request = entry.request as unknown as Record<string, unknown>;
  if (typeof request.method !== 'string') entry.request.method = 'GET';
  entry.request.headers = nameValues(request.headers);
  if (request.queryString !== undefined) entry.request.queryString = nameValues(request.queryString);
  if (request.cookies !== undefined) entry.request.cookies = nameValues(request.cookies);
  if (request.postData !== undefined) {
    const postData = request.postData;
    if (!isObject(postData)) delete entry.request.postData;
    else {
      if (postData.text !== undefined && typeof postData.text !== 'string') delete postData.text;
      if (postData.mimeType !== undefined && typeof postData.mimeType !== 'string') delete postData.mimeType;
      if (postData.params !== undefined) {
        const params = Array.isArray(postData.params) ? postData.params : [];
        postData.params = params.filter((p) => isObject(p) && typeof p.name === 'string').map((p) => ({ ...p, value: typeof p.value === 'string' ? p.value : '' }));
      }
    }
  }
  if (!isObject(e.response)) (entry as { response: HarEntry['response'] }).response = { status: 0, headers: [] };
  const response = entry.response as unknown as Record<string, unknown>;
  if (typeof response.status !== 'number') entry.response.status = Number(response.status) || 0;
  entry.response.headers = nameValues(response.headers);
  if (response.redirectURL !== undefined && typeof response.redirectURL !== 'string') delete entry.response.redirectURL;
  if (response.content !== undefined && !isObject(response.content)) delete entry.response.content;
  if (typeof entry.startedDateTime !== 'string') entry.startedDateTime = '';
  return entry;
}

function nameValues(list: unknown): HarNameValue[] {
  if (!Array.isArray(list)) return [];
  return list.filter((x) => isObject(x) && typeof x.name === 'string').map((x) => ({ ...(x as object), name: x.name as string, value: typeof x.value === 'string' ? x.value : String(x.value ?? '') }));
}

type TracerPairs = Array<[string, string]> | undefined;

/**
 * SAML-tracer exports one object per request: `post` holds decoded form fields as [name, value] pairs, and
 * there is no per-request time (only the export's timestamp).
 */
export function fromSamlTracer(r: Record<string, unknown>, exportedAt: string): HarEntry {
  const headers = toHeaders(r.requestHeaders);
  const post = Array.isArray(r.post) ? (r.post as TracerPairs)!.filter((p) => Array.isArray(p) && typeof p[0] === 'string') : [];
  const entry: HarEntry = {
    startedDateTime: exportedAt,
    request: { method: typeof r.method === 'string' ? r.method : 'GET', url: typeof r.url === 'string' ? r.url : '', headers },
    response: {
      status: typeof r.responseStatus === 'number' ? r.responseStatus : Number(r.responseStatus) || 0,
      statusText: typeof r.responseStatusText === 'string' ? r.responseStatusText : '',
      headers: toHeaders(r.responseHeaders),
    },
  };
  if (post.length) {
    entry.request.postData = {
      mimeType: 'application/x-www-form-urlencoded',
      params: post.map(([name, value]) => ({ name, value: String(value ?? '') })),
    };
  } else if (typeof r.postData === 'string' && r.postData) {
    entry.request.postData = { mimeType: typeof r.postDataMimeType === 'string' ? r.postDataMimeType : '', text: r.postData };
  }
  // What SSO Lens adds to its own SAML-tracer exports (export-saml-tracer.ts): each request's time and the
  // response bodies SAML-tracer does not keep.
  if (typeof r.startedDateTime === 'string' && !Number.isNaN(Date.parse(r.startedDateTime))) entry.startedDateTime = r.startedDateTime;
  if (typeof r.time === 'number' && Number.isFinite(r.time)) entry.time = r.time;
  const content = r.responseContent;
  if (isObject(content) && typeof content.text === 'string') {
    entry.response.content = { mimeType: typeof content.mimeType === 'string' ? content.mimeType : '', text: content.text };
  }
  return entry;
}

/** Current exports use {name, value}; legacy ones use [name, value] pairs. */
function toHeaders(h: unknown): HarNameValue[] {
  if (!Array.isArray(h)) return [];
  return h.flatMap((x) =>
    Array.isArray(x) ? [{ name: String(x[0]), value: String(x[1] ?? '') }] : isObject(x) ? [{ name: String(x.name), value: String(x.value ?? '') }] : [],
  );
}
