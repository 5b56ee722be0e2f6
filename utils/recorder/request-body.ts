import type { HarPostData } from '../har/types';
import { MAX_ENCODED_BYTES } from '../saml/decode';

// webRequest's `requestBody` (onBeforeRequest with extraInfoSpec ['requestBody']) as a HAR postData.

/** One element of `requestBody.raw`: bytes in memory, or a file the browser streams (an upload we cannot read). */
export interface UploadChunk {
  bytes?: ArrayBuffer | ArrayBufferView;
  file?: string;
}

export interface WebRequestBody {
  error?: string;
  /** Chrome gives strings, or ArrayBuffers for bytes that are not UTF-8. */
  formData?: Record<string, Array<string | ArrayBuffer>>;
  raw?: UploadChunk[];
}

const utf8 = new TextDecoder('utf-8');
function bytesOf(chunk: UploadChunk): Uint8Array | undefined {
  const b = chunk.bytes;
  if (!b) return undefined;
  // ArrayBuffer.isView, not instanceof: event details may come from another realm (Firefox's privileged side).
  return ArrayBuffer.isView(b) ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : new Uint8Array(b);
}

/** A marker as bytes with its KMP failure table, so a scan never looks back at bytes already seen. */
interface BytePattern {
  bytes: number[];
  fail: number[];
}

function pattern(marker: string): BytePattern {
  const bytes = [...marker].map((c) => c.charCodeAt(0) & 0xff);
  const fail = [0];
  for (let i = 1, k = 0; i < bytes.length; i++) {
    while (k > 0 && bytes[i] !== bytes[k]) k = fail[k - 1]!;
    if (bytes[i] === bytes[k]) k++;
    fail.push(k);
  }
  return { bytes, fail };
}

const patterns = new Map<string, BytePattern>();

/**
 * Does any of the chunks contain one of the ASCII markers? Runs on every upload while recording, so it looks at
 * the bytes in place (no copy, no text decoding) and follows a match across chunk boundaries: browsers split
 * bodies anywhere.
 */
export function rawMentions(chunks: readonly UploadChunk[], markers: readonly string[]): boolean {
  for (const marker of markers) {
    let p = patterns.get(marker);
    if (!p) patterns.set(marker, (p = pattern(marker)));
    if (scan(chunks, p)) return true;
  }
  return false;
}

function scan(chunks: readonly UploadChunk[], { bytes: want, fail }: BytePattern): boolean {
  let matched = 0;
  for (const chunk of chunks) {
    const bytes = bytesOf(chunk);
    if (!bytes) {
      matched = 0;
      continue;
    }
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      while (matched > 0 && b !== want[matched]) matched = fail[matched - 1]!;
      if (b === want[matched] && ++matched === want.length) return true;
    }
  }
  return false;
}

export function rawToText(chunks: readonly UploadChunk[], limit = MAX_ENCODED_BYTES): { text: string; truncated: boolean } {
  const parts: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  for (const chunk of chunks) {
    const bytes = bytesOf(chunk);
    // A `file` element is a body the browser streams from disk (large or blob uploads): not in memory.
    if (!bytes) {
      if (chunk.file !== undefined) truncated = true;
      continue;
    }
    const room = limit - total;
    if (bytes.length > room) {
      parts.push(bytes.subarray(0, room));
      total += room;
      truncated = true;
      break;
    }
    parts.push(bytes);
    total += bytes.length;
  }
  const joined = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    joined.set(p, at);
    at += p.length;
  }
  return { text: utf8.decode(joined), truncated };
}

// Chrome-style HAR params: names and values stay URL-encoded, as in a HAR Chrome exports, so detection and the
// HTTP view read recorder entries like devtools ones. Spaces as %20, not '+': a param value is decoded only when
// it holds a percent escape (detect.ts), so '+' would come back as a plus.
const formEncode = (s: string) => encodeURIComponent(s);

function formDataToPostData(formData: NonNullable<WebRequestBody['formData']>): HarPostData {
  const params: Array<{ name: string; value: string }> = [];
  for (const [name, values] of Object.entries(formData)) {
    for (const value of values) {
      const text = typeof value === 'string' ? value : utf8.decode(new Uint8Array(value));
      params.push({ name: formEncode(name), value: formEncode(text) });
    }
  }
  return {
    mimeType: 'application/x-www-form-urlencoded',
    text: params.map((p) => `${p.name}=${p.value}`).join('&'),
    params,
  };
}

/** A body that starts like multipart/form-data (the Content-Type header is not known yet at onBeforeRequest). */
function looksMultipart(text: string): boolean {
  return text.startsWith('--') && /^--[^\r\n]+\r?\nContent-Disposition:/i.test(text.slice(0, 400));
}

/**
 * The request body as HAR postData, or undefined when there is none.
 * - `raw` bytes win when present: Chrome parses only some bodies into `formData` (not large ones, and not in
 *   every version), and the bytes are the exact body. They are decoded as text (an urlencoded form for SAML POSTs).
 * - `formData` otherwise (the browser already decoded it).
 * - `_truncated` when the browser reported an error, streamed part of the body from a file, or the body is over
 *   the decoder's size limit, so a SAML message read from it may be incomplete.
 * `mimeType` is a first guess; the caller replaces it with the Content-Type header once headers are known.
 */
export function requestBodyToPostData(body: WebRequestBody | undefined): HarPostData | undefined {
  if (!body) return undefined;
  let postData: HarPostData | undefined;
  const raw = body.raw?.filter((c) => c.bytes !== undefined || c.file !== undefined) ?? [];
  if (raw.length) {
    const { text, truncated } = rawToText(raw);
    postData = { mimeType: looksMultipart(text) ? 'multipart/form-data' : 'application/x-www-form-urlencoded', text };
    if (truncated) postData._truncated = true;
  } else if (body.formData && Object.keys(body.formData).length) {
    postData = formDataToPostData(body.formData);
  }
  if (body.error) {
    postData ??= { text: '' };
    postData._truncated = true;
  }
  return postData;
}

/** Is it worth building an entry for this body? Cheap: names and bytes only, nothing decoded. */
export function bodyMentions(body: WebRequestBody | undefined, markers: readonly string[]): boolean {
  if (!body) return false;
  if (body.raw?.length && rawMentions(body.raw, markers)) return true;
  return !!body.formData && Object.keys(body.formData).some((name) => markers.some((m) => name.includes(m)));
}
