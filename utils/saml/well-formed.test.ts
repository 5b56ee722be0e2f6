import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { fixturePaths, fixtureXml } from '../../tests/support/har-builder';
import { markupOf, mutatedXml } from '../../tests/support/xml-fuzz';
import { isPlainWellFormed } from './well-formed';

const fixtures = fixturePaths()
  .filter((f) => /\.(xml|b64)$/.test(f))
  .map((f) => fixtureXml(f));

const validatorAccepts = (xml: string) => XMLValidator.validate(xml) === true;

/** The one property that keeps parse results unchanged: the fast check never vouches for what XMLValidator refuses. */
function sound(xml: string): boolean {
  return !isPlainWellFormed(xml) || validatorAccepts(xml);
}

describe('isPlainWellFormed', () => {
  it('vouches for every real message the validator accepts (the fast path is the usual one)', () => {
    const accepted = fixtures.filter((x) => !x.includes('<!DOCTYPE') && validatorAccepts(x));
    expect(accepted.length).toBeGreaterThan(30);
    for (const xml of accepted) expect(isPlainWellFormed(xml)).toBe(true);
  });

  it('leaves to the validator what it does not vouch for', () => {
    for (const xml of [
      '',
      '   ',
      'text',
      '<a>',
      '<a></b>',
      '</a>',
      '<a></a><b></b>',
      '<a/><b/>', // XMLValidator accepts this one; the fast check does not need to
      '<a></a>x',
      '<a></a>&amp;',
      '<a b="1" b="2"/>',
      '<a b="1"c="2"/>',
      '<a b=1/>',
      '<a b/>',
      '<a b="1/>',
      '<a/ >',
      '<a>&;</a>',
      '<a>&#;</a>',
      '<a>&#x;</a>',
      '<a>& b</a>',
      '<a>&abcdefghijklmnopqrstu;</a>',
      '<a>&#X41;</a>',
      '<a><!-- x </a>',
      '<a><![CDATA[ x </a>',
      '<a><!foo></a>',
      '<a><?pi x?></a>',
      ' <?xml version="1.0"?><a/>',
      '<!-- c --><?xml version="1.0"?><a/>',
      '\ufeff<a/>',
      '<é/>',
      '<a\f/>',
      '<1a/>',
      '<a></a >x',
      '<![CDATA[x]]><a/>',
    ]) {
      expect(isPlainWellFormed(xml), xml).toBe(false);
    }
  });

  it('accepts plain shapes the validator accepts', () => {
    for (const xml of [
      '<a/>',
      '<a />',
      '<?xml version="1.0" encoding="UTF-8"?>\n<a b="1" c=\'2\'>x &amp; y &#65; &#x42; &custom;<b/><!-- c --><![CDATA[<&>]]></a >\n<!-- after -->\n',
      '<p:a xmlns:p="urn:x" p:b = "v>w" c="it\'s"><p:c d=\'say "hi"\'/></p:a>',
      '<a>&abcdefghijklmnopqrst;</a>',
    ]) {
      expect(isPlainWellFormed(xml), xml).toBe(true);
      expect(validatorAccepts(xml), xml).toBe(true);
    }
  });

  it('is sound on mutated real messages', () => {
    fc.assert(fc.property(mutatedXml(fixtures), (xml) => sound(xml)), { numRuns: 3000 });
  });

  it('is sound on generated markup built from the tricky pieces', () => {
    const doc = markupOf([
      '<a', '<b:c', '<_d.e-f', '<é', '</a>', '</b:c>', '</_d.e-f>', '</a >', '>', '/>', ' />', '/ >', ' ', '\t', '\n', '\r', '\f',
      ' x="1"', " y='2'", ' x="1"', 'z="3"', ' w = "4"', ' v=5', ' u', '="', '"', "'", '=', 'text', '>text<',
      '&amp;', '&#65;', '&#x4a;', '&#X4a;', '&;', '&#;', '&#x;', '&', '&abcdefghijklmnopqrstu;', '&é;',
      '<!--c-->', '<!--', '-->', '<!---->', '<!-->', '<![CDATA[x]]>', '<![CDATA[', ']]>', '<!x>', '<?xml version="1.0"?>', '<?pi?>', '?>',
      '\ufeff', '<', 'é',
    ]);
    let vouched = 0;
    fc.assert(
      fc.property(doc, (xml) => {
        if (isPlainWellFormed(xml)) vouched++;
        return sound(xml);
      }),
      { numRuns: 20_000 },
    );
    // The generator must reach the accepting paths, or the property says little.
    expect(vouched).toBeGreaterThan(200);
  });
});
