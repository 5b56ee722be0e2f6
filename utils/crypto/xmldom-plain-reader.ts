// Signature checks need a DOM of the whole message, and xmldom's own reader took most of the time of checking a
// large HAR's signatures. SAML messages are plain XML: elements, attributes, text and the five predefined
// entities. This reader reads exactly that subset in one pass and hands the same events, with the same values,
// to xmldom's own DOM builder (the namespace, attribute and text handling below mirror xmldom's reader), so the
// DOM is xmldom's. Anything outside the subset (comments, CDATA, instructions, other entities, characters xmldom
// rewrites, anything malformed) returns undefined, and xmldom reads the message itself, errors and all.
import { fastAppendHandler, type ParsedAttributes } from './xmldom-append';

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

interface Handler {
  doc: Document;
  startDocument(): void;
  processingInstruction(target: string, data: string): void;
  startElement(ns: string | null | undefined, localName: string, qName: string, attrs: ParsedAttributes): void;
  endElement(ns: string | null | undefined, localName: string, qName: string): void;
  characters(chars: string, start: number, length: number): void;
}

type HandlerClass = new (options: { mimeType: string; defaultNamespace: null; onError: () => void }) => Handler;

interface Attribute {
  qName: string;
  value: string;
  prefix: string | null;
  uri: string | null | undefined;
}

class Attributes implements ParsedAttributes {
  list: Attribute[] = [];
  get length(): number {
    return this.list.length;
  }
  getURI(i: number) {
    return this.list[i]!.uri;
  }
  getQName(i: number) {
    return this.list[i]!.qName;
  }
  getValue(i: number) {
    return this.list[i]!.value;
  }
}

/**
 * A well-formed declaration (xmldom refuses others), split as xmldom's reader splits it: target `xml`, then the
 * rest up to `?>`, trailing spaces included.
 */
const DECLARATION =
  /^<\?xml[ \t\n]+(version[ \t\n]*=[ \t\n]*(?:"1\.[0-9]"|'1\.[0-9]')(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\n]*)\?>/;
/** Line ends xmldom rewrites: text holding them is left to it. */
const LINE_ENDS_REWRITTEN = /[\r\u0085\u2028\u2029]/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(?:([a-z]+)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/y;

const notPlain = new Error('not plain XML');

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9;
}

function isXmlChar(code: number): boolean {
  return code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Text with its references replaced, as xmldom replaces them; any other `&` is not plain. */
function decode(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    REFERENCE.lastIndex = amp;
    const m = REFERENCE.exec(text);
    if (!m) throw notPlain;
    let value: string | undefined;
    if (m[1] !== undefined) value = ENTITIES[m[1]];
    else {
      const code = m[2] !== undefined ? parseInt(m[2], 10) : parseInt(m[3]!, 16);
      if (isXmlChar(code)) value = String.fromCodePoint(code);
    }
    if (value === undefined) throw notPlain;
    out += text.slice(from, amp) + value;
    from = REFERENCE.lastIndex;
    amp = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

/** A plain ASCII name, with at most one prefix; xmldom accepts more, and reads those itself. */
function readName(xml: string, at: number): string {
  let p = at;
  if (!isNameStart(xml.charCodeAt(p))) throw notPlain;
  while (isNameChar(xml.charCodeAt(++p)));
  if (xml.charCodeAt(p) === 58) {
    if (!isNameStart(xml.charCodeAt(++p))) throw notPlain;
    while (isNameChar(xml.charCodeAt(++p)));
  }
  return xml.slice(at, p);
}

function skipSpace(xml: string, at: number): number {
  while (isSpace(xml.charCodeAt(at))) at++;
  return at;
}

/**
 * The namespace declarations in scope, innermost last, as prefix, namespace, prefix, namespace…: an element
 * declares few, and a flat list cut back at its end tag costs no object per element.
 */
type Bindings = Array<string | null>;

/** Where the namespace bound to `prefix` sits in `bindings`, or -1 when the prefix is unbound. */
function lookup(bindings: Bindings, prefix: string): number {
  for (let i = bindings.length - 2; i >= 0; i -= 2) if (bindings[i] === prefix) return i + 1;
  return -1;
}

interface Open {
  qName: string;
  ns: string | null | undefined;
  localName: string;
  /** How many bindings were in scope outside this element: its end tag cuts back to it. */
  outer: number;
}

function read(xml: string, handler: Handler): void {
  // Comments, CDATA, DOCTYPE, instructions other than the declaration: not plain.
  if (xml.includes('<!') || xml.includes(']]>') || xml.includes('<?', 1) || LINE_ENDS_REWRITTEN.test(xml)) throw notPlain;
  handler.startDocument();
  let at = 0;
  const declaration = DECLARATION.exec(xml);
  if (declaration) {
    handler.processingInstruction('xml', declaration[1]!);
    at = declaration[0].length;
  }
  // xmldom's reader starts from these: the default namespace is none, `xml` is bound.
  const bindings: Bindings = ['', null, 'xml', XML_NS];
  const open: Open[] = [];
  let rootSeen = false;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const end = lt < 0 ? xml.length : lt;
    if (end > at) {
      const text = xml.slice(at, end);
      if (open.length) {
        const decoded = decode(text);
        handler.characters(decoded, 0, decoded.length);
      } else if (!/^[ \t\n]*$/.test(text)) throw notPlain;
      // Whitespace before the root is a node of the document in xmldom; after it, it is dropped.
      else if (!rootSeen) handler.characters(text, 0, text.length);
    }
    if (lt < 0) break;
    if (xml.charCodeAt(lt + 1) === 47) {
      // An end tag: `</name S?>`, naming the element it closes (compared in place: a longer name fails the `>`).
      const top = open.pop();
      if (!top || !xml.startsWith(top.qName, lt + 2)) throw notPlain;
      const close = skipSpace(xml, lt + 2 + top.qName.length);
      if (xml.charCodeAt(close) !== 62) throw notPlain;
      handler.endElement(top.ns, top.localName, top.qName);
      bindings.length = top.outer;
      at = close + 1;
      continue;
    }
    if (rootSeen && !open.length) throw notPlain;
    const qName = readName(xml, lt + 1);
    let p = lt + 1 + qName.length;
    const attrs = new Attributes();
    const outer = bindings.length;
    for (;;) {
      const afterSpace = skipSpace(xml, p);
      const c = xml.charCodeAt(afterSpace);
      if (c === 62 || c === 47) {
        p = afterSpace;
        break;
      }
      if (afterSpace === p) throw notPlain;
      const name = readName(xml, afterSpace);
      let q = skipSpace(xml, afterSpace + name.length);
      if (xml.charCodeAt(q) !== 61) throw notPlain;
      q = skipSpace(xml, q + 1);
      const quote = xml.charCodeAt(q);
      if (quote !== 34 && quote !== 39) throw notPlain;
      const close = xml.indexOf(quote === 34 ? '"' : "'", q + 1);
      if (close < 0 || attrs.list.some((a) => a.qName === name)) throw notPlain;
      const raw = xml.slice(q + 1, close);
      if (raw.includes('<')) throw notPlain;
      // xmldom's attribute-value normalization: tab and newline become spaces, then references are replaced.
      const value = decode(raw.includes('\t') || raw.includes('\n') ? raw.replace(/[\t\n]/g, ' ') : raw);
      const colon = name.indexOf(':');
      const prefix = colon > 0 ? name.slice(0, colon) : null;
      const attr: Attribute = { qName: name, value, prefix, uri: undefined };
      if (name === 'xmlns' || prefix === 'xmlns') {
        // Undeclaring (an empty value) and rebinding xml/xmlns are left to xmldom.
        const declared = prefix ? name.slice(colon + 1) : '';
        if (!value || declared === 'xml' || declared === 'xmlns') throw notPlain;
        bindings.push(declared, value);
        attr.uri = XMLNS_NS;
      }
      attrs.list.push(attr);
      p = close + 1;
    }
    for (const a of attrs.list) {
      if (!a.prefix || a.prefix === 'xmlns') continue;
      // An unbound prefix is an error xmldom reports.
      const at = lookup(bindings, a.prefix);
      if (at < 0) throw notPlain;
      a.uri = bindings[at];
    }
    const colon = qName.indexOf(':');
    const prefix = colon > 0 ? qName.slice(0, colon) : '';
    const bound = lookup(bindings, prefix);
    if (bound < 0) throw notPlain;
    const ns = bindings[bound];
    const localName = colon > 0 ? qName.slice(colon + 1) : qName;
    handler.startElement(ns, localName, qName, attrs);
    rootSeen = true;
    if (xml.charCodeAt(p) === 47) {
      if (xml.charCodeAt(p + 1) !== 62) throw notPlain;
      handler.endElement(ns, localName, qName);
      bindings.length = outer;
      at = p + 2;
    } else {
      open.push({ qName, ns, localName, outer });
      at = p + 1;
    }
  }
  if (open.length || !rootSeen) throw notPlain;
  // xmldom's endDocument only merges adjacent text nodes and drops empty ones: this reader makes neither.
}

/**
 * The DOM of plain XML, built by xmldom from this reader's events; undefined when xmldom must read it itself
 * (also when this xmldom does not expose the builder the fast append extends).
 */
export function readPlainXmlDom(xml: string): Document | undefined {
  if (!fastAppendHandler) return undefined;
  const handler = new (fastAppendHandler as unknown as HandlerClass)({ mimeType: 'application/xml', defaultNamespace: null, onError: () => undefined });
  try {
    read(xml, handler);
  } catch {
    // Not plain, or xmldom's builder refused something: xmldom reads it, and reports it, itself.
    return undefined;
  }
  return handler.doc;
}
