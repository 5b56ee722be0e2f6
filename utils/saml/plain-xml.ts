// One pass over plain XML (the subset isPlainWellFormed vouches for) that also builds the tree fast-xml-parser
// builds with parse.ts's options, node for node and key for key. Checking well-formedness and then parsing read
// every message twice, and fast-xml-parser's generic machinery (a path matcher, a regular expression per tag's
// attributes, intermediate nodes) was two thirds of reading a HAR. Whatever this pass does not reproduce
// exactly (carriage returns, prototype-like names, unusual colons) or does not vouch for returns null, and the
// message goes the general way: XMLValidator and fast-xml-parser. plain-xml.test.ts holds the two to the same
// output on real and generated documents.
import type { XmlNode } from './parse';
import { isSpace, MAX_ATTRIBUTES, nameEnd, referenceEnd, sameChars, skipMisc } from './well-formed';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const COLON = 0x3a;

/** Names fast-xml-parser refuses or renames (they are Object.prototype's): left to it. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

/**
 * The part of a name after its one colon (the namespace prefix dropped, as fast-xml-parser's removeNSPrefix
 * does), or null for a name this pass leaves to the parser: more than one colon, a colon first or last, or a
 * reserved name.
 */
function localName(text: string, start: number, end: number): string | null {
  const colon = text.indexOf(':', start);
  let local: string;
  if (colon < 0 || colon >= end) local = text.slice(start, end);
  else {
    if (colon === start || colon === end - 1) return null;
    const second = text.indexOf(':', colon + 1);
    if (second >= 0 && second < end) return null;
    local = text.slice(colon + 1, end);
  }
  return RESERVED.has(local) ? null : local;
}

/** `xmlns` and `xmlns:…`: namespace declarations, which fast-xml-parser drops under removeNSPrefix. */
function isNamespaceDeclaration(text: string, start: number, end: number): boolean {
  return text.startsWith('xmlns', start) && (end === start + 5 || text.charCodeAt(start + 5) === COLON);
}

/** Where fast-xml-parser sees `?>` end the declaration: the first one outside quotes, or -1. */
function declarationEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === QUOT || c === APOS) quote = c;
    else if (c === 0x3f /* ? */ && text.charCodeAt(i + 1) === GT) return i;
  }
  return -1;
}

export interface PlainXml {
  root: XmlNode;
  rootName: string;
}

/**
 * The root element and its local name, as parse.ts's fast-xml-parser would give them, when `text` is plainly
 * well-formed (isPlainWellFormed) and holds nothing this pass leaves to the parser; otherwise null.
 */
export function parsePlainXml(text: string): PlainXml | null {
  // fast-xml-parser turns CR LF and CR into LF, in text and attribute values alike: left to it.
  if (text.includes('\r')) return null;
  const n = text.length;
  let i = 0;
  if (text.startsWith('<?', 0)) {
    const end = text.indexOf('?>', 2);
    if (end < 0) return null;
    // fast-xml-parser looks for the declaration's end outside quotes (an unclosed quote leaves it unclosed, an
    // error): a declaration it would end elsewhere is left to it.
    if (declarationEnd(text, 2) !== end) return null;
    i = end + 2;
  }
  i = skipMisc(text, i);
  if (i < 0 || i >= n || text.charCodeAt(i) !== LT) return null;

  // The open elements, innermost last: the node, where its raw name is (to match the end tag), its text so far,
  // its attributes (added last, as the parser adds them), and whether it has child elements.
  const nodes: XmlNode[] = [];
  const nameStarts: number[] = [];
  const nameLengths: number[] = [];
  const texts: Array<string | undefined> = [];
  const attributes: Array<Record<string, string> | undefined> = [];
  const hasChildren: boolean[] = [];
  let depth = 0;
  let root: XmlNode | undefined;
  let rootName = '';
  // Raw attribute names of the current tag (start, length), for the duplicate check.
  const seen: number[] = [];
  let amp = text.indexOf('&', i);
  // Character data since the last markup (from `runStart`), and what came before a comment in the same run:
  // the parser joins text across comments, trims each run, and concatenates the runs of an element.
  let runStart = i;
  let beforeComment = '';

  const addText = (end: number) => {
    let t: string;
    if (beforeComment) {
      t = (beforeComment + text.slice(runStart, end)).trim();
      beforeComment = '';
    } else {
      let a = runStart;
      while (a < end && isSpace(text.charCodeAt(a))) a++;
      if (a === end) return;
      let b = end;
      while (isSpace(text.charCodeAt(b - 1))) b--;
      t = text.slice(a, b).trim();
    }
    if (!t) return;
    const top = depth - 1;
    const before = texts[top];
    texts[top] = before === undefined ? t : before + t;
  };

  const finish = (node: XmlNode, text: string | undefined, attrs: Record<string, string> | undefined, children: boolean) => {
    if (text) node['#text'] = text;
    else if (!children) node['#text'] = '';
    if (attrs) node['@'] = attrs;
  };

  for (;;) {
    // Here text.charCodeAt(i) === '<'.
    const next = text.charCodeAt(i + 1);
    if (next === 0x21 /* ! */) {
      if (!depth) return null;
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i + 4);
        if (end < 0) return null;
        if (i > runStart) beforeComment += text.slice(runStart, i);
        i = end + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        const end = text.indexOf(']]>', i + 9);
        if (end < 0) return null;
        addText(i);
        // CDATA content is kept as is, untrimmed, after the text before it.
        const top = depth - 1;
        texts[top] = (texts[top] ?? '') + text.slice(i + 9, end);
        i = end + 3;
      } else return null;
    } else if (next === SLASH) {
      if (!depth) return null;
      addText(i);
      const start = i + 2;
      const end = nameEnd(text, start);
      if (end < 0) return null;
      const top = depth - 1;
      const len = nameLengths[top]!;
      if (end - start !== len || !sameChars(text, nameStarts[top]!, start, len)) return null;
      i = end;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== GT) return null;
      i++;
      finish(nodes[top]!, texts[top], attributes[top], hasChildren[top]!);
      depth--;
    } else {
      if (depth) addText(i);
      const start = i + 1;
      const end = nameEnd(text, start);
      if (end < 0) return null;
      const name = localName(text, start, end);
      if (name === null) return null;
      i = end;
      seen.length = 0;
      let attrs: Record<string, string> | undefined;
      let selfClosing = false;
      for (;;) {
        const c = text.charCodeAt(i);
        if (c === GT) break;
        if (c === SLASH) {
          if (text.charCodeAt(i + 1) !== GT) return null;
          selfClosing = true;
          i++;
          break;
        }
        if (!isSpace(c)) return null;
        while (i < n && isSpace(text.charCodeAt(i))) i++;
        const a = text.charCodeAt(i);
        if (a === GT || a === SLASH) continue;
        const attrStart = i;
        const attrEnd = nameEnd(text, attrStart);
        if (attrEnd < 0) return null;
        const attrLen = attrEnd - attrStart;
        for (let k = 0; k < seen.length; k += 2) {
          if (seen[k + 1] === attrLen && sameChars(text, seen[k]!, attrStart, attrLen)) return null;
        }
        if (seen.length >= 2 * MAX_ATTRIBUTES) return null;
        seen.push(attrStart, attrLen);
        i = attrEnd;
        while (i < n && isSpace(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) !== EQ) return null;
        i++;
        while (i < n && isSpace(text.charCodeAt(i))) i++;
        const quote = text.charCodeAt(i);
        if (quote !== QUOT && quote !== APOS) return null;
        const close = text.indexOf(quote === QUOT ? '"' : "'", i + 1);
        if (close < 0) return null;
        if (!isNamespaceDeclaration(text, attrStart, attrEnd)) {
          const attrName = localName(text, attrStart, attrEnd);
          if (attrName === null) return null;
          // Values are trimmed, as the parser's trimValues does; a repeated local name keeps the last value.
          (attrs ??= {})[attrName] = text.slice(i + 1, close).trim();
        }
        i = close + 1;
      }
      i++; // past '>'
      const node: XmlNode = {};
      if (depth) {
        const top = depth - 1;
        const parent = nodes[top]!;
        const siblings = Object.prototype.hasOwnProperty.call(parent, name) ? (parent[name] as XmlNode[]) : undefined;
        if (siblings) siblings.push(node);
        else parent[name] = [node];
        hasChildren[top] = true;
      } else {
        root = node;
        rootName = name;
      }
      if (selfClosing) finish(node, undefined, attrs, false);
      else {
        nodes[depth] = node;
        nameStarts[depth] = start;
        nameLengths[depth] = end - start;
        texts[depth] = undefined;
        attributes[depth] = attrs;
        hasChildren[depth] = false;
        depth++;
      }
    }

    if (!depth) {
      // The root is closed: only whitespace and comments may follow.
      i = skipMisc(text, i);
      return i === n && root ? { root, rootName } : null;
    }
    // Text up to the next markup: every '&' must start a reference XMLValidator accepts.
    const lt = text.indexOf('<', i);
    if (lt < 0) return null;
    if (amp >= 0 && amp < i) amp = text.indexOf('&', i);
    while (amp >= 0 && amp < lt) {
      const after = referenceEnd(text, amp);
      if (after < 0) return null;
      amp = text.indexOf('&', after);
    }
    runStart = i;
    i = lt;
  }
}
