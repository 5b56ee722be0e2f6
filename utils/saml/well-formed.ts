// A fast yes-or-"ask the validator" check of well-formedness, so that fast-xml-parser's XMLValidator (a third
// of parse time on a 17 KB Response: it builds every tag name and attribute string a character at a time) runs
// only on documents that need it. It accepts a strict subset of what XMLValidator accepts: plain XML as IdPs
// write it. Anything else (non-ASCII names, processing instructions past the declaration, CDATA or text outside
// the root, a BOM, repeated attributes, unusual entity references…) is left to XMLValidator, whose verdict and
// message then stand. So a document is refused exactly when XMLValidator refuses it, with the same message.
// well-formed.test.ts checks the subset property against XMLValidator on real and fuzzed inputs.

// ASCII name characters as XMLValidator's name pattern has them (non-ASCII names are left to it).
const NAME_START = new Uint8Array(128);
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x3a /* : */ || c === 0x5f; /* _ */
  NAME_START[c] = start ? 1 : 0;
  NAME_CHAR[c] = start || (c >= 0x30 && c <= 0x39) || c === 0x2d /* - */ || c === 0x2e /* . */ ? 1 : 0;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const SEMI = 0x3b;
const HASH = 0x23;

/** XMLValidator's whitespace: space, tab, LF, CR (no form feed). */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Attributes per tag beyond which the duplicate check is left to XMLValidator. */
export const MAX_ATTRIBUTES = 64;

/**
 * True when `text` is plainly well-formed: an optional XML declaration at the very start, whitespace and
 * comments around one root element, elements with ASCII names and quoted attributes, text whose `&` starts a
 * well-formed reference, comments and CDATA sections. False means "not shown here", not "malformed".
 */
export function isPlainWellFormed(text: string): boolean {
  const n = text.length;
  let i = 0;
  if (text.startsWith('<?', 0)) {
    // The XML declaration (or any PI) at offset 0: XMLValidator accepts it whatever it holds.
    const end = text.indexOf('?>', 2);
    if (end < 0) return false;
    i = end + 2;
  }
  i = skipMisc(text, i);
  if (i < 0 || i >= n || text.charCodeAt(i) !== LT) return false;

  // Open elements: start offset and length of each name, flat.
  const open: number[] = [];
  const attrs: number[] = [];
  let amp = text.indexOf('&', i);
  for (;;) {
    // Here text.charCodeAt(i) === '<' and what follows is a start tag, an end tag, a comment or CDATA.
    const next = text.charCodeAt(i + 1);
    if (next === SLASH) {
      if (!open.length) return false;
      const start = i + 2;
      const end = nameEnd(text, start);
      if (end < 0) return false;
      const len = open.pop()!;
      const openStart = open.pop()!;
      if (end - start !== len || !sameChars(text, openStart, start, len)) return false;
      i = end;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== GT) return false;
      i++;
    } else if (next === 0x21 /* ! */) {
      if (!open.length) return false; // only reached inside the root
      i = skipCommentOrCdata(text, i);
      if (i < 0) return false;
    } else {
      const start = i + 1;
      const end = nameEnd(text, start);
      if (end < 0) return false;
      i = end;
      attrs.length = 0;
      let selfClosing = false;
      for (;;) {
        const c = text.charCodeAt(i);
        if (c === GT) break;
        if (c === SLASH) {
          if (text.charCodeAt(i + 1) !== GT) return false;
          selfClosing = true;
          i++;
          break;
        }
        if (!isSpace(c)) return false;
        while (i < n && isSpace(text.charCodeAt(i))) i++;
        const a = text.charCodeAt(i);
        if (a === GT || a === SLASH) continue;
        // An attribute: Name S? = S? quoted value, after at least one space.
        const attrStart = i;
        const attrEnd = nameEnd(text, attrStart);
        if (attrEnd < 0) return false;
        const attrLen = attrEnd - attrStart;
        for (let k = 0; k < attrs.length; k += 2) {
          if (attrs[k + 1] === attrLen && sameChars(text, attrs[k]!, attrStart, attrLen)) return false;
        }
        if (attrs.length >= 2 * MAX_ATTRIBUTES) return false;
        attrs.push(attrStart, attrLen);
        i = attrEnd;
        while (i < n && isSpace(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) !== EQ) return false;
        i++;
        while (i < n && isSpace(text.charCodeAt(i))) i++;
        const quote = text.charCodeAt(i);
        if (quote !== QUOT && quote !== APOS) return false;
        const close = text.indexOf(quote === QUOT ? '"' : "'", i + 1);
        if (close < 0) return false;
        i = close + 1;
      }
      i++; // past '>'
      if (!selfClosing) open.push(start, end - start);
    }

    if (!open.length) {
      // The root is closed: only whitespace and comments may follow.
      i = skipMisc(text, i);
      return i === n;
    }
    // Text up to the next markup: every '&' must start a reference XMLValidator accepts. `amp` only moves
    // forward (an '&' in an attribute value or a comment is passed over), so the text is searched once.
    const lt = text.indexOf('<', i);
    if (lt < 0) return false;
    if (amp >= 0 && amp < i) amp = text.indexOf('&', i);
    while (amp >= 0 && amp < lt) {
      const after = referenceEnd(text, amp);
      if (after < 0) return false;
      amp = text.indexOf('&', after);
    }
    i = lt;
  }
}

/** Past whitespace and comments (outside the root), or -1 on anything else that is not a '<'. */
export function skipMisc(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) i++;
    else if (c === LT && text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return -1;
      i = end + 3;
    } else if (c === LT) {
      const next = text.charCodeAt(i + 1);
      // A start tag; a PI, another '<!' form or an end tag here is left to XMLValidator.
      return next === 0x3f || next === 0x21 || next === SLASH ? -1 : i;
    } else return -1;
  }
  return i;
}

function skipCommentOrCdata(text: string, i: number): number {
  if (text.startsWith('<!--', i)) {
    const end = text.indexOf('-->', i + 4);
    return end < 0 ? -1 : end + 3;
  }
  if (text.startsWith('<![CDATA[', i)) {
    const end = text.indexOf(']]>', i + 9);
    return end < 0 ? -1 : end + 3;
  }
  return -1;
}

/** The end of an ASCII name starting at `i` (followed by whitespace, '>', '/' or '='), or -1. */
export function nameEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (!(c < 128 && NAME_START[c])) return -1;
  i++;
  for (;;) {
    const d = text.charCodeAt(i);
    if (d < 128 && NAME_CHAR[d]) i++;
    else return isSpace(d) || d === GT || d === SLASH || d === EQ ? i : -1;
  }
}

export function sameChars(text: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/** Past `&name;` (1–20 word characters), `&#123;` or `&#x1F;` at `i`, or -1. */
export function referenceEnd(text: string, i: number): number {
  let j = i + 1;
  let c = text.charCodeAt(j);
  if (c === HASH) {
    j++;
    const hex = text.charCodeAt(j) === 0x78; /* x */
    if (hex) j++;
    const from = j;
    for (;;) {
      c = text.charCodeAt(j);
      const digit = c >= 0x30 && c <= 0x39;
      if (digit || (hex && ((c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)))) j++;
      else break;
    }
    return j > from && c === SEMI ? j + 1 : -1;
  }
  const from = j;
  while (j - from < 20) {
    c = text.charCodeAt(j);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f) j++;
    else break;
  }
  return j > from && text.charCodeAt(j) === SEMI ? j + 1 : -1;
}
