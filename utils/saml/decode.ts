import { Inflate, inflateSync, Unzlib } from 'fflate';
import type { Binding, ReadProblem } from './types';

/** A form body or parameter larger than this is not read at all. */
export const MAX_ENCODED_BYTES = 10 * 1024 * 1024;
/** A decoded (and inflated) message larger than this is refused: no real SAML message comes near it. */
export const MAX_DECODED_BYTES = 4 * 1024 * 1024;

export type DecodeResult = { ok: true; text: string; inflated: boolean } | { ok: false; problem: ReadProblem };

const fail = (stage: ReadProblem['stage'], detail: string): DecodeResult => ({
  ok: false,
  problem: { rule: 'decode-failed', stage, detail },
});

/**
 * SAML bindings §3.5.4 (HTTP-POST: base64) and §3.4.4.1 (HTTP-Redirect: base64 of raw DEFLATE).
 * Lenient where senders are: whitespace and line breaks in base64, URL-safe alphabet, missing padding,
 * a zlib-wrapped stream on Redirect, and a deflated POST body.
 */
export function decodeSamlValue(value: string, binding: Binding): DecodeResult {
  if (value.length > MAX_ENCODED_BYTES) {
    return fail('size', `the encoded message is ${formatBytes(value.length)}, over the ${formatBytes(MAX_ENCODED_BYTES)} limit`);
  }
  const binary = decodeBase64ToBinary(value);
  if (!binary.ok) return fail('base64', binary.problem);
  // The common case, plain XML in ASCII: its UTF-8 decoding is the binary string itself, so the byte copy and
  // the TextDecoder pass are skipped (they were a third of decoding time for a 17 KB Response).
  // A NUL is UTF-16 without a byte order mark: the slow path reads it.
  if (startsLikeXml(binary.text) && !NON_ASCII_OR_NUL.test(binary.text)) {
    if (binary.text.length > MAX_DECODED_BYTES) {
      return fail('size', `the decoded message is ${formatBytes(binary.text.length)}, over the ${formatBytes(MAX_DECODED_BYTES)} limit`);
    }
    return { ok: true, text: binary.text, inflated: false };
  }
  const bytes = binaryToBytes(binary.text);

  const looksLikeXml = startsLikeXml(bytes);
  if (binding === 'redirect' || !looksLikeXml) {
    if (looksLikeXml) return toText(bytes, false); // some senders skip DEFLATE on Redirect
    const inflated = inflate(bytes);
    if (typeof inflated === 'string') {
      return binding === 'redirect'
        ? fail('inflate', inflated)
        : fail('not-saml', `the base64 decodes to ${bytes.length} bytes that are neither XML nor a DEFLATE stream`);
    }
    return toText(inflated, true);
  }
  if (bytes.length > MAX_DECODED_BYTES) {
    return fail('size', `the decoded message is ${formatBytes(bytes.length)}, over the ${formatBytes(MAX_DECODED_BYTES)} limit`);
  }
  return toText(bytes, false);
}

const BASE64_CHARS = /^[A-Za-z0-9+/]*$/;
/**
 * Whitespace (a line-wrapped or form-decoded value) or the URL-safe alphabet. One search per character: a
 * regular expression's character class scanned a large message several times slower.
 */
function needsRewrite(s: string): boolean {
  for (const c of REWRITTEN) if (s.includes(c)) return true;
  return false;
}
const REWRITTEN = [' ', '\n', '\r', '\t', '-', '_', '\f', '\v'];

// atob yields one char per byte (0-255): any char above 0x7f is a byte that is not ASCII. One scan for both.
const NON_ASCII_OR_NUL = /[\0\u0080-\u00ff]/;

/** Returns the bytes, or a sentence saying what is wrong with the base64. */
export function decodeBase64(value: string): Uint8Array | string {
  const binary = decodeBase64ToBinary(value);
  return binary.ok ? binaryToBytes(binary.text) : binary.problem;
}

/** The decoded bytes as a binary string (one char per byte, as `atob` gives them), or what is wrong. */
function decodeBase64ToBinary(value: string): { ok: true; text: string } | { ok: false; problem: string } {
  const problem = (text: string) => ({ ok: false as const, problem: text });
  // Spaces are '+' signs lost to form decoding; other whitespace is line wrapping (Shibboleth, ADFS).
  let s = value.trim();
  // Whether any of the four rewrites below has something to do (usually none has).
  if (needsRewrite(s)) {
    s = s.replace(/ /g, '+').replace(/[\t\r\n\f\v]/g, '');
    s = s.replace(/-/g, '+').replace(/_/g, '/');
  }
  let pad = 0;
  while (pad < s.length && s.charCodeAt(s.length - 1 - pad) === 0x3d /* = */) pad++;
  const body = pad ? s.slice(0, -pad) : s;
  if (!body.length) return problem('the value is empty');
  if (pad > 2) return problem(`it ends with ${pad} '=' padding characters (at most 2 are allowed)`);
  // atob refuses exactly what the alphabet test refuses here (no whitespace is left, the padding is ours), so
  // the slower character-by-character diagnosis runs only when it fails.
  if (body.length % 4 !== 1) {
    try {
      return { ok: true, text: atob(body + '='.repeat((4 - (body.length % 4)) % 4)) };
    } catch {
      // diagnosed below
    }
  }
  if (!BASE64_CHARS.test(body)) {
    const bad = /[^A-Za-z0-9+/]/.exec(body)!;
    return problem(`it contains ${describeChar(bad[0])} at position ${bad.index + 1}, which is not a base64 character`);
  }
  return problem(`its length (${body.length} characters) cannot be base64: one character too many or too few`);
}

function binaryToBytes(binary: string): Uint8Array {
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function describeChar(c: string): string {
  const code = c.codePointAt(0)!;
  return code < 0x20 || code > 0x7e ? `the character U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${c}'`;
}

/** Bytes, or a binary string of them (one char per byte). */
function startsLikeXml(bytes: Uint8Array | string): boolean {
  const at = typeof bytes === 'string' ? (i: number) => bytes.charCodeAt(i) : (i: number) => bytes[i];
  let i = 0;
  if (at(0) === 0xef && at(1) === 0xbb && at(2) === 0xbf) i = 3; // UTF-8 BOM
  if ((at(0) === 0xfe && at(1) === 0xff) || (at(0) === 0xff && at(1) === 0xfe)) return true; // UTF-16 BOM
  if (at(0) === 0x00 && at(1) === 0x3c) return true; // UTF-16BE without a BOM
  while (i < bytes.length && (at(i) === 0x20 || at(i) === 0x09 || at(i) === 0x0a || at(i) === 0x0d)) i++;
  return at(i) === 0x3c; // '<'
}

const CHUNK = 16 * 1024;

const hasZlibHeader = (bytes: Uint8Array) => bytes.length > 2 && (bytes[0]! & 0x0f) === 8 && ((bytes[0]! << 8) | bytes[1]!) % 31 === 0;

/** The inflated bytes, or a sentence saying why they cannot be had: as inflateStreaming, faster for small streams. */
export function inflate(bytes: Uint8Array): Uint8Array | string {
  if (!hasZlibHeader(bytes)) {
    const small = inflateSmall(bytes);
    if (small) return small;
  }
  return inflateStreaming(bytes);
}

/** Raw DEFLATE first (the binding's rule), then zlib-wrapped; bounded so that a DEFLATE bomb stops early. */
export function inflateStreaming(bytes: Uint8Array): Uint8Array | string {
  const zlibHeader = hasZlibHeader(bytes);
  const first = zlibHeader ? inflateWith(Unzlib, bytes) : inflateWith(Inflate, bytes);
  if (!(typeof first === 'string' && !first.includes('limit'))) return first;
  const second = zlibHeader ? inflateWith(Inflate, bytes) : inflateWith(Unzlib, bytes);
  return typeof second === 'string' ? first : second;
}

// fflate's stream class gives every message a 128 KB output buffer, most of the cost of inflating a Redirect
// request of a few KB. One reused buffer serves the usual small stream in one call; a stream that fails, is
// empty, or may not fit goes the streaming way above, which then gives its usual result or error.
const SMALL_OUTPUT = 64 * 1024;
let smallOutput: Uint8Array | undefined;

function inflateSmall(bytes: Uint8Array): Uint8Array | undefined {
  // One final chunk, as the streaming way would push it: the same inflate step on the same bytes.
  if (bytes.length > CHUNK) return undefined;
  smallOutput ??= new Uint8Array(SMALL_OUTPUT);
  let out: Uint8Array;
  try {
    // With an output buffer given, fflate does not grow it: what does not fit is dropped, so a full buffer
    // means "maybe more".
    out = inflateSync(bytes, { out: smallOutput });
  } catch {
    return undefined;
  }
  return out.length > 0 && out.length < SMALL_OUTPUT ? out.slice() : undefined;
}

class TooLarge extends Error {}

function inflateWith(Stream: typeof Inflate | typeof Unzlib, bytes: Uint8Array): Uint8Array | string {
  const parts: Uint8Array[] = [];
  let total = 0;
  const stream = new Stream((chunk: Uint8Array) => {
    total += chunk.length;
    if (total > MAX_DECODED_BYTES) throw new TooLarge();
    parts.push(chunk);
  });
  try {
    for (let i = 0; i < bytes.length; i += CHUNK) stream.push(bytes.subarray(i, i + CHUNK), i + CHUNK >= bytes.length);
  } catch (e) {
    if (e instanceof TooLarge) return `the inflated message exceeds the ${formatBytes(MAX_DECODED_BYTES)} limit`;
    const reason = e instanceof Error ? e.message : String(e);
    return `the DEFLATE stream is broken (${reason})`;
  }
  if (!total) return 'the DEFLATE stream is empty or truncated';
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function toText(bytes: Uint8Array, inflated: boolean): DecodeResult {
  if (bytes.length > MAX_DECODED_BYTES) {
    return fail('size', `the decoded message is ${formatBytes(bytes.length)}, over the ${formatBytes(MAX_DECODED_BYTES)} limit`);
  }
  const encoding = xmlEncoding(bytes);
  if (WINDOWS_1252_LABELS.has(encoding)) return { ok: true, text: decodeWindows1252(bytes), inflated };
  let decoder: TextDecoder;
  try {
    // ignoreBOM: false strips the BOM, so the text starts at the XML itself.
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    return fail('text', `the XML declares the encoding "${encoding}", which this browser cannot decode`);
  }
  try {
    return { ok: true, text: decoder.decode(bytes), inflated };
  } catch {
    return fail('text', `the decoded bytes are not valid ${encoding.toUpperCase()} text`);
  }
}

// The WHATWG Encoding Standard reads all of these as windows-1252; Node 20's TextDecoder reads its 0x80–0x9F
// bytes as C1 controls instead (the euro sign, curly quotes), so they are decoded here.
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'us-ascii', 'ascii']);
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x2000) {
    const chunk = Array.from(bytes.subarray(i, i + 0x2000), (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b)));
    out += chunk.join('');
  }
  return out;
}

const DECLARED_ENCODING = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/;

/**
 * The encoding to read an XML document in (XML 1.0 appendix F): the byte order mark, else the NULs of UTF-16
 * without one, else the declaration's `encoding` (IdPs in Central Europe and older Java stacks send
 * ISO-8859-2 or windows-1252), else UTF-8.
 */
export function xmlEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return 'utf-16be';
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return 'utf-16le';
  // The declaration is ASCII in every encoding that is not UTF-16: read it from the first bytes.
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 200); i++) head += String.fromCharCode(bytes[i]!);
  const declared = DECLARED_ENCODING.exec(head.trimStart())?.[1]?.toLowerCase();
  // A declared UTF-16 on bytes without NULs is a lie the bytes disprove; read them as UTF-8.
  if (!declared || declared.startsWith('utf-16') || declared === 'unicode') return 'utf-8';
  return declared;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
