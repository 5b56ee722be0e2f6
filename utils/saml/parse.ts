import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ReadProblem } from './types';
import { parsePlainXml } from './plain-xml';
import { isPlainWellFormed } from './well-formed';

/** An element as the parser gives it: children by local name (always arrays), attributes under '@'. */
export interface XmlNode {
  '#text'?: string;
  '@'?: Record<string, string>;
  [child: string]: XmlNode[] | string | Record<string, string> | undefined;
}

export type ParseResult = { ok: true; root: XmlNode; rootName: string } | { ok: false; problem: ReadProblem };

/** Deeper than any real SAML message (a Response nests about 8 levels); bounds parser recursion. */
export const MAX_DEPTH = 64;

/** fast-xml-parser's options: the tree the message model reads (plain-xml.ts builds the same one itself). */
export const PARSER_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '@',
  // Prefix-independent: saml:, saml2:, samlp: and the default namespace all read the same.
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  alwaysCreateTextNode: true,
  // Entities are resolved by us (the five predefined ones and character references only), never by the parser.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  // Our callbacks never read the path: without this the parser builds a path string for every element
  // (about a tenth of parse time on a Response with 150 groups).
  jPath: false,
} satisfies ConstructorParameters<typeof XMLParser>[0];

const parser = new XMLParser(PARSER_OPTIONS);

/**
 * Parse decoded SAML XML safely. A DOCTYPE or entity declaration is refused before parsing (XXE, billion
 * laughs: SAML never needs one, SAML core §1.3), so nothing can be expanded or fetched.
 */
export function parseXml(text: string): ParseResult {
  const unsafe = findUnsafeMarkup(text);
  if (unsafe) return { ok: false, problem: unsafe };
  const depth = maxDepth(text);
  if (depth > MAX_DEPTH) {
    return {
      ok: false,
      problem: { rule: 'xml-unsafe', stage: 'depth', detail: `elements nest deeper than ${MAX_DEPTH} levels` },
    };
  }
  // The usual message, plain XML, is checked and read in one pass (plain-xml.ts); the rest goes through
  // XMLValidator (only for what the fast check cannot vouch for: its verdict and messages are unchanged) and
  // fast-xml-parser.
  const plain = parsePlainXml(text);
  if (plain) return { ok: true, root: plain.root, rootName: plain.rootName };
  const valid = isPlainWellFormed(text) || XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return { ok: false, problem: { rule: 'decode-failed', stage: 'xml', detail: `malformed XML at line ${line}, column ${col}: ${msg}` } };
  }
  let doc: Record<string, XmlNode[]>;
  try {
    doc = parser.parse(text) as Record<string, XmlNode[]>;
  } catch (e) {
    return { ok: false, problem: { rule: 'decode-failed', stage: 'xml', detail: `malformed XML: ${(e as Error).message}` } };
  }
  const rootName = Object.keys(doc).find((k) => !k.startsWith('#'));
  const root = rootName ? doc[rootName]?.[0] : undefined;
  if (!rootName || !root) return { ok: false, problem: { rule: 'decode-failed', stage: 'xml', detail: 'the XML has no root element' } };
  return { ok: true, root, rootName };
}

function findUnsafeMarkup(text: string): ReadProblem | null {
  // Cheap test first: real SAML has no '<!' outside comments and CDATA.
  if (!text.includes('<!')) return null;
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    const external = /<!DOCTYPE[^>[]*\b(SYSTEM|PUBLIC)\b/i.test(text) || /<!ENTITY[^>]*\b(SYSTEM|PUBLIC)\b/i.test(text);
    return {
      rule: 'xml-unsafe',
      stage: 'doctype',
      detail: external
        ? 'the XML has a DOCTYPE that references an external resource (XXE); it was not parsed and nothing was fetched'
        : 'the XML has a DOCTYPE declaration; SAML messages never carry one, so it was not parsed and no entity was expanded',
    };
  }
  if (/<!ENTITY/i.test(text)) {
    return { rule: 'xml-unsafe', stage: 'entity', detail: 'the XML declares an entity; it was not parsed and nothing was expanded' };
  }
  return null;
}

/** Element depth by a single scan over tags (comments, CDATA and PIs skipped); cheap enough for every message. */
export function maxDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next === 0x21 /* ! */) {
      const end = text.startsWith('<!--', i) ? text.indexOf('-->', i + 4) : text.startsWith('<![CDATA[', i) ? text.indexOf(']]>', i + 9) : text.indexOf('>', i);
      if (end < 0) break;
      i = text.indexOf('<', end + 1);
      continue;
    }
    const close = text.indexOf('>', i);
    if (close < 0) break;
    if (next === 0x2f /* / */) depth--;
    else if (next !== 0x3f /* ? */ && text.charCodeAt(close - 1) !== 0x2f) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > MAX_DEPTH) return max;
      }
    }
    i = text.indexOf('<', close + 1);
  }
  return max;
}

const REFERENCE = /&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Resolve XML's predefined entities and character references (XML 1.0 §4.6, §4.1). */
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(REFERENCE, (all, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref] ?? all;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}
