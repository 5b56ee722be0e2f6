import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSameDom } from '../../tests/support/dom-shape';
import { fixturePaths, fixtureText } from '../../tests/support/har-builder';
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

function sameDom(xml: string): void {
  const theirs = parse(xml);
  const ours = parse(xml, fastAppendHandler);
  expect(ours.errors).toEqual(theirs.errors);
  expect(ours.thrown).toBe(theirs.thrown);
  if (!theirs.doc || !ours.doc) return;
  // Live collections are checked too: they are keyed by the document's change count.
  expectSameDom(ours.doc, theirs.doc);
}

const FIXTURES = fixturePaths().filter((f) => f.endsWith('.xml') && !f.startsWith('hostile/'));

describe('fast append for xmldom', () => {
  it('is in use with this xmldom', () => {
    expect(fastAppendHandler).toBeTypeOf('function');
  });

  it.each(FIXTURES.map((f) => [`tests/fixtures/saml/${f}`, f]))('builds the same DOM as xmldom for %s', (_, file) => {
    sameDom(fixtureText(file));
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
