import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSameDom } from '../../tests/support/dom-shape';
import { fixturePaths, fixtureText } from '../../tests/support/har-builder';
import { readPlainXmlDom } from './xmldom-plain-reader';

/** xmldom reading the text itself, as signature checks did before. */
function xmldomDom(xml: string): Node | undefined {
  try {
    return new DOMParser({ onError: () => undefined, locator: false }).parseFromString(xml, 'application/xml') as unknown as Node;
  } catch {
    return undefined;
  }
}

/** When the reader takes a text, xmldom reads it without a fatal error, into the same DOM. */
function agrees(xml: string): boolean {
  const ours = readPlainXmlDom(xml) as unknown as Node | undefined;
  if (!ours) return false;
  const theirs = xmldomDom(xml);
  expect(theirs, 'xmldom refuses what the reader took').toBeDefined();
  expectSameDom(ours, theirs!);
  return true;
}

/** These name elements with the prefix `saml2`, which they never declare: xmldom reads them, leniently. */
const UNBOUND_PREFIX = ['saml2aws-adfs-assertion.xml', 'saml2aws-adfs-assertion-no-destination.xml', 'saml2aws-adfs-invalid-notonorafter-date.xml'];
const FIXTURES = fixturePaths().filter((f) => f.endsWith('.xml') && !f.startsWith('hostile/'));

describe('plain XML reader for signature checks', () => {
  it.each(FIXTURES.map((f) => [`tests/fixtures/saml/${f}`, f]))('reads %s into the DOM xmldom builds', (_, file) => {
    const xml = fixtureText(file).replace(/^\uFEFF/, '');
    const plain = !/[\r]|<!--|<!\[CDATA\[/.test(xml) && !UNBOUND_PREFIX.some((name) => file.endsWith(`/${name}`));
    expect(agrees(xml)).toBe(plain);
  });

  it('leaves to xmldom everything outside plain XML, and everything malformed', () => {
    for (const xml of [
      '<r><!-- c --></r>',
      '<r><![CDATA[x]]></r>',
      '<r><?pi x?></r>',
      '<!DOCTYPE r><r/>',
      '<r>a\r\nb</r>',
      '<r>\u2028</r>',
      '<r>&nbsp;</r>',
      '<r>a & b</r>',
      '<r>&#0;</r>',
      '<r>&#X41;</r>',
      '<r a="1" a="2"/>',
      '<r a="<"/>',
      '<r a=1/>',
      '<r a="1"b="2"/>',
      '<p:r/>',
      '<r p:a="1"/>',
      '<r xmlns=""/>',
      '<r xmlns:p=""/>',
      '<r xmlns:xml="urn:x"/>',
      '<r></s>',
      '<r><s></r></s>',
      '<r>',
      '<r/><s/>',
      '<r/>text',
      'text<r/>',
      '',
      '<?xml version="1.0"?>',
      '<?xml foo?><r/>',
      '<?xml version="1.0"?><?xml version="1.0"?><r/>',
      ' <?xml version="1.0"?><r/>',
      '<r>]]></r>',
      '<1r/>',
      '<r:s:t/>',
      '<é/>',
    ]) expect(readPlainXmlDom(xml), xml).toBeUndefined();
  });

  it('reads declarations, namespaces, references and attribute spacing as xmldom does', () => {
    for (const xml of [
      '<?xml version="1.0" encoding="UTF-8"?>\n<r/>',
      '<?xml version="1.0" ?>\n\n<r/>\n',
      "<?xml version='1.0' encoding='utf-8' standalone='yes'?><r/>",
      '\n<r/>',
      '<r xmlns="urn:a" xmlns:b="urn:b"><b:s b:x="1" y = \'2\' xml:lang="en"><t xmlns="urn:c"/><u/></b:s><b:s xmlns:b="urn:d"/><v/></r>',
      '<r a="x&#10;y\tz\nw" b="&lt;&amp;&gt;&quot;&apos;">t&#x41;&#65;&#x1F600;&lt;&amp;amp;</r>',
      '<r>  </r>',
      '<r  a="1"\n\tb="2"\n/>',
      '<r></r >',
      '<a:r xmlns:a="urn:a"/>',
    ]) expect(agrees(xml), xml).toBe(true);
  });

  it('agrees with xmldom on any mix of plain pieces, and of pieces it must leave alone', () => {
    const piece = fc.constantFrom(
      '<a>', '</a>', '<b:c xmlns:b="urn:b" b:d="v">', '</b:c>', '<b:c>', '<e/>', '<e xmlns="urn:e">', '</e>', 'text', ' ', '\n', '\t',
      '&amp;', '&#65;', '&#x10FFFF;', '&lt;', '&bad;', '&', '<f g="1" h=\'2\'>', '<f g="1" g="2">', '<f g="a\tb">', '</f>', '<f g="&quot;"/>',
      '<', '>', '"', "'", '<!--c-->', '<![CDATA[x]]>', '\r', '<x:y/>', '<z xmlns:x="urn:x" x:w="1"/>',
    );
    let taken = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), fc.constantFrom('', '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-8"?>\n'), (pieces, declaration) => {
        if (agrees(`${declaration}<root xmlns="urn:r">${pieces.join('')}</root>`)) taken++;
        agrees(pieces.join(''));
      }),
      { numRuns: 3000 },
    );
    // The generator reaches the reader's own path often enough to mean something.
    expect(taken).toBeGreaterThan(300);
  });
});
