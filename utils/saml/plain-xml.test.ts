import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { entraResponseXml } from '../../bench/inputs';
import { fixturePaths, fixtureXml } from '../../tests/support/har-builder';
import { markupOf, mutatedXml } from '../../tests/support/xml-fuzz';
import { PARSER_OPTIONS } from './parse';
import { parsePlainXml } from './plain-xml';
import { isPlainWellFormed } from './well-formed';

const fixtures = fixturePaths()
  .filter((f) => /\.(xml|b64)$/.test(f))
  .map((f) => fixtureXml(f));

// parse.ts's parser, with parse.ts's options.
const parser = new XMLParser(PARSER_OPTIONS);

/** The tree as fast-xml-parser gives it, in key order (JSON keeps insertion order), or why it failed. */
function viaParser(xml: string): string {
  try {
    const doc = parser.parse(xml) as Record<string, unknown[]>;
    const rootName = Object.keys(doc).find((k) => !k.startsWith('#'))!;
    return JSON.stringify({ rootName, root: doc[rootName]![0] });
  } catch (e) {
    return `failed: ${(e as Error).message}`;
  }
}

/** The property that keeps parse results unchanged: whatever the one pass reads, it reads as the parser does. */
function same(xml: string): boolean {
  const plain = parsePlainXml(xml);
  if (!plain) return true;
  if (!isPlainWellFormed(xml)) return false;
  return JSON.stringify({ rootName: plain.rootName, root: plain.root }) === viaParser(xml);
}

describe('parsePlainXml', () => {
  it('reads every real message the fast check vouches for, exactly as fast-xml-parser does', () => {
    const plain = [...fixtures, entraResponseXml(150)].filter((x) => isPlainWellFormed(x) && !x.includes('\r'));
    expect(plain.length).toBeGreaterThan(30);
    for (const xml of plain) {
      const read = parsePlainXml(xml);
      expect(read, xml.slice(0, 200)).not.toBeNull();
      expect(JSON.stringify({ rootName: read!.rootName, root: read!.root })).toBe(viaParser(xml));
    }
  });

  it('reads text, comments, CDATA, prefixes and attributes as the parser does', () => {
    for (const xml of [
      '<a/>',
      '<a />',
      '<a></a>',
      '<a>  </a>',
      '<a> x <!-- c --> y </a>',
      '<a> x <b/> y <b>z</b> w<c/></a>',
      '<a><![CDATA[]]></a>',
      '<a> x <![CDATA[ <y> ]]> z <![CDATA[]]></a>',
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- before --><p:a xmlns:p="urn:x" xmlns="urn:y" p:b = " v>w " c="it\'s"><p:c d=\'say "hi"\'/><c/></p:a >\n<!-- after -->\n',
      '<a xmlns="urn:x"/>',
      "<?xml version='1.0' encoding=\"UTF-8\"?><a/>",
      '<a xmlns:p="urn:x" p:ID="1" q:ID="2" ID="3"/>',
      '<a x="&amp; &lt;" y="\t t \n"/>',
      '<a>x &amp; y &#65; &#x42; &custom;</a>',
      '<a>\u00a0 x \u2003</a>',
      '<a isPrototypeOf="1"><isPrototypeOf/><isPrototypeOf/></a>',
      '<a><b><c>1</c></b><b><c>2</c><c>3</c></b></a>',
    ]) {
      expect(parsePlainXml(xml), xml).not.toBeNull();
      expect(same(xml), xml).toBe(true);
    }
  });

  it('leaves to the parser what it does not reproduce', () => {
    // A quote left open in the declaration: fast-xml-parser finds no end to it (found by the mutation property).
    for (const xml of ["<?xml version='1.0' x='?>'?><a/>", '<?x "?><a/>', "<?x '?><a/>", '<?UTF-8"?><a/>', '<a>\r\n</a>', '<toString/>', '<a constructor="1"/>', '<a:b:c/>', '<a b:c:d="1"/>', '<:a/>', '<a: />', '<a x:="1"/>', '<a/><b/>', '<a></b>', 'x']) {
      expect(parsePlainXml(xml), xml).toBeNull();
    }
  });

  it('reads mutated real messages as the parser does', () => {
    fc.assert(fc.property(mutatedXml(fixtures), same), { numRuns: 2000 });
  });

  it('reads generated markup built from the tricky pieces as the parser does', () => {
    const doc = markupOf([
      '<a', '<b:c', '<_d.e-f', '<x:y', '</a>', '</b:c>', '</_d.e-f>', '</x:y>', '</a >', '>', '/>', ' />', ' ', '\t', '\n', '\u00a0',
      ' x="1"', " y='2'", ' p:x="3"', ' xmlns="u"', ' xmlns:p="u"', ' w = " 4 "', ' v="a\tb"', ' toString="1"', ' id="&amp;"',
      'text', ' t ', '&amp;', '&#65;', '&x;', '<!--c-->', '<!-- <a> -->', '<![CDATA[x]]>', '<![CDATA[ <&> ]]>', '<![CDATA[]]>',
      '<?xml version="1.0"?>',
    ]);
    let read = 0;
    fc.assert(
      fc.property(doc, (xml) => {
        if (parsePlainXml(xml)) read++;
        return same(xml);
      }),
      { numRuns: 20_000 },
    );
    // The generator must reach the reading paths, or the property says little.
    expect(read).toBeGreaterThan(500);
  });
});
