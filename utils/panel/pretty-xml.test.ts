import { describe, expect, it } from 'vitest';
import { fixtureXml } from '../../tests/support/har-builder';
import { foldsOf, prettyXml } from './pretty-xml';

const squash = (s: string) => s.replace(/\s+/g, '');
const lineText = (l: { tokens: Array<{ text: string }> }) => l.tokens.map((t) => t.text).join('');

describe('pretty XML view', () => {
  it('indents elements and keeps short text on the element line', () => {
    const lines = prettyXml('<a x="1"><b>hi</b><c/><d>\n  <e>t</e>\n</d></a>');
    expect(lines.map((l) => `${'  '.repeat(l.depth)}${lineText(l)}`)).toEqual([
      '<a x="1">',
      '  <b>hi</b>',
      '  <c/>',
      '  <d>',
      '    <e>t</e>',
      '  </d>',
      '</a>',
    ]);
    expect(lines[0]!.tokens.map((t) => t.kind)).toEqual(['punct', 'tag', 'punct', 'attr', 'punct', 'value', 'punct']);
  });

  it('never changes a value: text keeps its spaces, entities stay escaped', () => {
    const lines = prettyXml('<NameID> alice@example.com </NameID><V>a &amp; b</V>');
    expect(lineText(lines[0]!)).toBe('<NameID> alice@example.com </NameID>');
    expect(lineText(lines[1]!)).toBe('<V>a &amp; b</V>');
  });

  it.each(['okta/gosaml2-okta-response.xml', 'adfs/netsaml2-adfs-plain-groups.xml', 'hostile/rubysaml-node-text-attack.b64', 'hostile/rubysaml-attack-xxe.xml'])(
    'loses no character of %s but whitespace between tags',
    (path) => {
      const xml = fixtureXml(path);
      const lines = prettyXml(xml);
      expect(squash(lines.map(lineText).join(''))).toBe(squash(xml));
      expect(lines.length).toBeGreaterThan(3);
    },
  );

  it('keeps broken markup as text instead of dropping it', () => {
    const lines = prettyXml('<a>1 < 2 <!-- open');
    expect(squash(lines.map(lineText).join(''))).toBe(squash('<a>1 < 2 <!-- open'));
  });
});

describe('folds', () => {
  const signed =
    '<samlp:Response xmlns:samlp="p" xmlns:ds="d"><ds:Signature><ds:SignedInfo><ds:Reference URI="#a"/></ds:SignedInfo>' +
    '<ds:SignatureValue>AAAA</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIB</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>' +
    '<Status><StatusCode Value="ok"/></Status></samlp:Response>';

  it('finds the Signature and the KeyInfo inside it, from opening to closing line', () => {
    const lines = prettyXml(signed);
    const folds = foldsOf(lines);
    expect(folds.map((f) => f.name)).toEqual(['ds:Signature', 'ds:KeyInfo']);
    const text = (i: number) => lines[i]!.tokens.map((t) => t.text).join('');
    expect(text(folds[0]!.start)).toBe('<ds:Signature>');
    expect(text(folds[0]!.end)).toBe('</ds:Signature>');
    expect(text(folds[1]!.start)).toBe('<ds:KeyInfo>');
    expect(text(folds[1]!.end)).toBe('</ds:KeyInfo>');
  });

  it('folds nothing on one line, nothing unnamed, and survives an element never closed', () => {
    expect(foldsOf(prettyXml('<a><ds:Signature>x</ds:Signature></a>'))).toEqual([]);
    expect(foldsOf(prettyXml('<a><Status><b/></Status></a>'))).toEqual([]);
    expect(foldsOf(prettyXml('<a><ds:Signature><b/></a>'))).toEqual([]);
    expect(foldsOf(prettyXml('<a><Status><b/></Status></a>'), ['Status']).map((f) => f.name)).toEqual(['Status']);
  });
});
