import { DOMParser } from '@xmldom/xmldom';
// @ts-expect-error xmldom publishes no types for its grammar module
import grammar from '@xmldom/xmldom/lib/grammar.js';
import { describe, expect, it } from 'vitest';
import { cacheXmldomRegExps } from './xmldom-regexp-cache';

const g = grammar as { reg(...parts: Array<string | RegExp>): RegExp; QName_group: RegExp; S_OPT: RegExp };

const parse = (xml: string) => {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(xml, 'application/xml');
  return { root: doc.documentElement?.localName, text: doc.documentElement?.textContent, errors };
};

describe('xmldom RegExp cache', () => {
  it('gives the same RegExp for the same parts, a different one for other parts, and stays idempotent', () => {
    cacheXmldomRegExps();
    cacheXmldomRegExps();
    const a = g.reg('^', g.QName_group, g.S_OPT, '$');
    expect(g.reg('^', g.QName_group, g.S_OPT, '$')).toBe(a);
    const b = g.reg('^', g.QName_group);
    expect(b).not.toBe(a);
    expect(a.test('saml:Assertion ')).toBe(true);
    expect(a.test('saml:Assertion x')).toBe(false);
    expect(b.test('saml:Assertion x')).toBe(true);
  });

  it('xmldom reads and refuses the same XML as before: end tags checked as strictly', () => {
    cacheXmldomRegExps();
    expect(parse('<a:Response xmlns:a="urn:x"><a:Issuer>idp</a:Issuer></a:Response >')).toMatchObject({ root: 'Response', text: 'idp', errors: [] });
    expect(parse('<a><b>1</b><b>2</b></a>').text).toBe('12');
    expect(() => parse('<a><b>1</b x></a>')).toThrow(/end tag name contains invalid characters: "b x"/);
  });
});
