import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastAppendHandler } from './xmldom-append';

type Options = ConstructorParameters<typeof DOMParser>[0];
const parse = (xml: string, domHandler?: unknown) => {
  const errors: string[] = [];
  const options = { onError: (level: string, message: string) => void errors.push(`${level}: ${message}`), locator: false, ...(domHandler ? { domHandler } : {}) };
  try {
    return { doc: new DOMParser(options as Options).parseFromString(xml, 'application/xml') as unknown as Node, errors };
  } catch (e) {
    return { thrown: (e as Error).message, errors };
  }
};

/** Every field a canonicalizer or a signature check reads, and every link, node by node. */
function shape(node: Node): unknown {
  const n = node as Node & { _inc?: number };
  const children: unknown[] = [];
  let previous: Node | null = null;
  for (let c = n.firstChild; c; c = c.nextSibling) {
    expect(c.parentNode).toBe(n);
    expect(c.previousSibling).toBe(previous);
    expect(c.ownerDocument).toBe(n.nodeType === 9 ? n : n.ownerDocument);
    previous = c;
    children.push(shape(c));
  }
  expect(n.lastChild).toBe(previous);
  expect(Array.from(n.childNodes ?? [])).toEqual(Array.from({ length: children.length }, (_, i) => n.childNodes[i]));
  expect(n.childNodes?.length ?? 0).toBe(children.length);
  const el = n as Element;
  const attributes = el.attributes ? Array.from(el.attributes).map((a) => [a.namespaceURI, a.prefix, a.localName, a.name, a.value, a.ownerElement === el]) : undefined;
  return { type: n.nodeType, name: n.nodeName, ns: (n as Element).namespaceURI ?? null, prefix: (n as Element).prefix ?? null, value: n.nodeValue, attributes, children };
}

function sameDom(xml: string): void {
  const theirs = parse(xml);
  const ours = parse(xml, fastAppendHandler);
  expect(ours.errors).toEqual(theirs.errors);
  expect(ours.thrown).toBe(theirs.thrown);
  if (!theirs.doc || !ours.doc) return;
  expect(shape(ours.doc)).toEqual(shape(theirs.doc));
  const serialize = (d: Node) => new XMLSerializer().serializeToString(d as unknown as Parameters<XMLSerializer['serializeToString']>[0]);
  expect(serialize(ours.doc)).toBe(serialize(theirs.doc));
  // Live collections still see every element (they are keyed by the document's change count).
  const all = (d: Node) => Array.from((d as Document).getElementsByTagNameNS('*', '*')).map((e) => e.nodeName);
  expect(all(ours.doc)).toEqual(all(theirs.doc));
}

function xmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? xmlFiles(join(dir, d.name)) : d.name.endsWith('.xml') ? [join(dir, d.name)] : []));
}

const FIXTURES = xmlFiles(join(__dirname, '../../tests/fixtures/saml')).filter((f) => !f.includes('/hostile/'));

describe('fast append for xmldom', () => {
  it('is in use with this xmldom', () => {
    expect(fastAppendHandler).toBeTypeOf('function');
  });

  it.each(FIXTURES.map((f) => [f.slice(f.indexOf('tests/fixtures/')), f]))('builds the same DOM as xmldom for %s', (_, file) => {
    sameDom(readFileSync(file, 'utf8'));
  });

  it('builds the same DOM for comments, CDATA, entities, instructions, text around elements and broken XML', () => {
    for (const xml of [
      '<?xml version="1.0"?>\n<!-- c --><r xmlns="urn:a" xmlns:b="urn:b"><b:x b:y="1" z="&amp;&lt;">t&#x41;<![CDATA[<c>]]>u<!--k--><?pi d?></b:x>  </r>\n<!-- after -->',
      '<r><a>1</a>text<b/>more&amp;<c><d><e>deep</e></d></c></r>',
      '<r><a></r>',
      '<r>unclosed',
      'no root at all',
      '<r/><s/>',
    ]) sameDom(xml);
  });

  it('builds the same DOM for any mix of those pieces', () => {
    const piece = fc.constantFrom('<a>', '</a>', '<b:c xmlns:b="urn:b" b:d="v">', '</b:c>', '<e/>', 'text', ' ', '\n', '&amp;', '&#65;', '<![CDATA[x]]>', '<!--c-->', '<?p q?>', '<f g="1" h=\'2\'>', '</f>', '&bad;', '<', '>');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.boolean(), (pieces, wrapped) => {
        sameDom(wrapped ? `<root xmlns="urn:r">${pieces.join('')}</root>` : pieces.join(''));
      }),
      { numRuns: 1500 },
    );
  });
});
