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
    return { format: 'har', entries: entries.filter(isHarEntry) };
  }
  if (isObject(doc) && Array.isArray(doc.requests)) {
    const at = typeof doc.timestamp === 'string' ? doc.timestamp : '';
    return { format: 'saml-tracer', entries: doc.requests.filter(isObject).map((r) => fromSamlTracer(r, at)) };
  }
  throw new CaptureError('The JSON is neither a HAR file (no "log") nor a SAML-tracer export (no "requests").');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Entries missing the request URL are skipped rather than failing the whole file; every other field of the
 * wrong type (hand-edited or tool-made HARs: `name: null`, a number for text) is dropped or made a string, so
 * that nothing downstream meets a value of a type HAR does not allow.
 */
function isHarEntry(e: unknown): e is HarEntry {
  if (!isObject(e) || !isObject(e.request) || typeof e.request.url !== 'string') return false;
  const request = e.request;
  if (typeof request.method !== 'string') request.method = 'GET';
  request.headers = nameValues(request.headers);
  if (request.queryString !== undefined) request.queryString = nameValues(request.queryString);
  if (request.cookies !== undefined) request.cookies = nameValues(request.cookies);
  if (request.postData !== undefined) {
    const postData = request.postData;
    if (!isObject(postData)) delete request.postData;
    else {
      if (postData.mimeType !== undefined && typeof postData.mimeType !== 'string') delete postData.mimeType;
      if (postData.text !== undefined && typeof postData.text !== 'string') delete postData.text;
      if (postData.params !== undefined) {
        postData.params = Array.isArray(postData.params)
          ? postData.params.filter(isObject).map((p) => ({ ...p, name: asString(p.name), value: asString(p.value) }))
          : undefined;
        if (postData.params === undefined) delete postData.params;
      }
    }
  }
  if (!isObject(e.response)) e.response = { status: 0, headers: [] };
  const response = e.response as Record<string, unknown>;
  if (typeof response.status !== 'number' || !Number.isFinite(response.status)) response.status = Number(response.status) || 0;
  response.headers = nameValues(response.headers);
  if (response.content !== undefined && !isObject(response.content)) delete response.content;
  if (response.redirectURL !== undefined && typeof response.redirectURL !== 'string') delete response.redirectURL;
  if (typeof e.startedDateTime !== 'string') e.startedDateTime = '';
  return true;
}

function asString(v: unknown): string {
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : typeof v === 'object' ? '' : String(v);
}

/** A HAR name/value list: entries that are not objects are dropped, names and values made strings. */
function nameValues(list: unknown): HarNameValue[] {
  return Array.isArray(list) ? list.filter(isObject).map((x) => ({ ...x, name: asString(x.name), value: asString(x.value) })) : [];
}

type TracerPairs = Array<[string, string]> | undefined;

/**
 * SAML-tracer exports one object per request: `post` holds decoded form fields as [name, value] pairs, and
 * there is no per-request time (only the export's timestamp).
 */
function fromSamlTracer(r: Record<string, unknown>, exportedAt: string): HarEntry {
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
