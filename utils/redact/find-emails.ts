// E-mail addresses in any text, in the encodings they travel in: plain `@`, `%40`, double-encoded `%2540`,
// `&#64;` / `&#x40;`, JSON's `\u0040`; local parts with non-ASCII letters, `%2B`, `+`. One pass, no regular
// expression: the old pattern (`[...]+@[...]+(?:\.[...]+)*`) took 17 s on a 128 KB RelayState. Each scan left
// stops at the previous at-sign and each scan right at the next, so every character is read at most three times.

import { PLACEHOLDER_DOMAIN } from './placeholders';

export interface FoundEmail {
  start: number;
  end: number;
  /** The at-sign as written: `@`, `%40`, `&#64;`… */
  at: string;
  /** Decoded local part @ lower-cased domain: the same address in two encodings gets one placeholder. */
  normalized: string;
}

const isAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** Letters of any script; spaces and separators outside ASCII do not belong to an address. */
const isWideLetter = (c: number) => c >= 0x80 && c !== 0xa0 && !(c >= 0x2000 && c <= 0x206f) && c !== 0x3000 && c !== 0xfeff && c !== 0xff20;
// . _ + - ' %
const isLocalChar = (c: number) => isAlnum(c) || isWideLetter(c) || c === 0x2e || c === 0x5f || c === 0x2b || c === 0x2d || c === 0x27 || c === 0x25;
const isDomainChar = (c: number) => isAlnum(c) || isWideLetter(c) || c === 0x2d || c === 0x2e;
const hexValue = (c: number) => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1);

/** Length of the at-sign written at `i` (0 if there is none): `@`, `%40`, `%2540`, `%252540`, `&#64;`, `&#x40;`, `\u0040`. */
function atSignLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x40) return 1;
  if (c === 0x25 /* % */) {
    let j = i + 1;
    while (text.charCodeAt(j) === 0x32 && text.charCodeAt(j + 1) === 0x35) j += 2; // "25": one more encoding
    return text.charCodeAt(j) === 0x34 && text.charCodeAt(j + 1) === 0x30 ? j + 2 - i : 0;
  }
  if (c === 0x26 /* & */ && text.charCodeAt(i + 1) === 0x23 /* # */) {
    const rest = text.slice(i + 2, i + 7).toLowerCase();
    if (rest.startsWith('64;')) return 5;
    if (rest.startsWith('064;')) return 6;
    if (rest.startsWith('x40;')) return 6;
    return 0;
  }
  if (c === 0x5c /* \ */) {
    const rest = text.slice(i + 1, i + 6).toLowerCase();
    if (rest === 'u0040') return 6;
    if (rest.startsWith('x40')) return 4;
  }
  return 0;
}

/** Percent-escapes (`%2B`, double `%252B`, UTF-8 `%C3%A9`) that may sit in a local part; anything else ends it. */
function localStart(text: string, from: number, to: number): number {
  let start = from;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) !== 0x25) continue;
    let j = i + 1;
    if (text.charCodeAt(j) === 0x32 && text.charCodeAt(j + 1) === 0x35 && hexValue(text.charCodeAt(j + 2)) >= 0 && hexValue(text.charCodeAt(j + 3)) >= 0) j += 2;
    const hi = hexValue(text.charCodeAt(j));
    const lo = hexValue(text.charCodeAt(j + 1));
    if (hi < 0 || lo < 0) {
      start = i + 1;
      continue;
    }
    const byte = hi * 16 + lo;
    const fits = byte >= 0x80 || isAlnum(byte) || byte === 0x2e || byte === 0x5f || byte === 0x2b || byte === 0x2d;
    if (!fits) start = j + 2;
    i = j + 1;
  }
  // A quote or dot before the address is punctuation, not part of it.
  while (start < to && (text.charCodeAt(start) === 0x27 || text.charCodeAt(start) === 0x2e)) start++;
  return start;
}

function decodeLocal(local: string): string {
  if (!local.includes('%')) return local;
  let s = local;
  for (let round = 0; round < 3 && s.includes('%'); round++) {
    try {
      s = decodeURIComponent(s);
    } catch {
      break;
    }
  }
  return s;
}

/** Every e-mail address in `text`, left to right, not overlapping. */
export function findEmails(text: string): FoundEmail[] {
  const found: FoundEmail[] = [];
  // Quick exit for the common case: no at-sign in any encoding.
  if (!text.includes('@') && !text.includes('%') && !text.includes('&#') && !text.includes('\\')) return found;
  let bound = 0; // the left scan never goes back past the previous at-sign or address
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x40 && c !== 0x25 && c !== 0x26 && c !== 0x5c) continue;
    const atLength = atSignLength(text, i);
    if (!atLength) continue;
    let left = i;
    while (left > bound && isLocalChar(text.charCodeAt(left - 1))) left--;
    const start = localStart(text, left, i);
    const afterAt = i + atLength;
    let end = afterAt;
    while (end < n && isDomainChar(text.charCodeAt(end))) end++;
    // Trailing punctuation ("write to jane@corp.example.") is not part of the domain.
    while (end > afterAt && (text.charCodeAt(end - 1) === 0x2e || text.charCodeAt(end - 1) === 0x2d)) end--;
    bound = afterAt;
    if (start >= i || end === afterAt) {
      i = afterAt - 1;
      continue;
    }
    const domain = text.slice(afterAt, end);
    const dot = domain.lastIndexOf('.');
    const tld = domain.slice(dot + 1);
    let tldOk = dot > 0 && tld.length >= 2;
    for (let k = 0; tldOk && k < tld.length; k++) {
      const t = tld.charCodeAt(k);
      tldOk = (t >= 0x41 && t <= 0x5a) || (t >= 0x61 && t <= 0x7a) || t >= 0x80 || (tld.startsWith('xn--') && (isAlnum(t) || t === 0x2d));
    }
    if (!tldOk || domain.toLowerCase() === PLACEHOLDER_DOMAIN) {
      i = end > i ? end - 1 : i;
      bound = Math.max(bound, end);
      continue;
    }
    found.push({ start, end, at: text.slice(i, afterAt), normalized: `${decodeLocal(text.slice(start, i))}@${domain.toLowerCase()}` });
    bound = end;
    i = end - 1;
  }
  return found;
}

/** `text` with each address replaced by `replace(found)`. */
export function replaceEmails(text: string, replace: (found: FoundEmail) => string): string {
  const found = findEmails(text);
  if (!found.length) return text;
  let out = '';
  let last = 0;
  for (const f of found) {
    out += text.slice(last, f.start) + replace(f);
    last = f.end;
  }
  return out + text.slice(last);
}
