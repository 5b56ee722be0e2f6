import { describe, expect, it } from 'vitest';
import { hostnameOf, urlParts } from './url-parts';

describe('urlParts', () => {
  it('gives the parts URL parsing gives, and the address without its fragment', () => {
    const text = 'HTTPS://Sonarcloud.IO:443/sso/acs?b=2&a=1#frag';
    const url = new URL(text);
    expect(urlParts(text)).toEqual({
      href: url.href,
      hrefWithoutHash: 'https://sonarcloud.io/sso/acs?b=2&a=1',
      protocol: 'https:',
      host: 'sonarcloud.io',
      hostname: 'sonarcloud.io',
      pathname: '/sso/acs',
      search: '?b=2&a=1',
      origin: 'https://sonarcloud.io',
    });
  });

  it('is undefined for text that is no absolute URL, every time it is asked', () => {
    for (let i = 0; i < 2; i++) {
      expect(urlParts('not a url')).toBeUndefined();
      expect(urlParts('/relative/path')).toBeUndefined();
      expect(urlParts('')).toBeUndefined();
    }
  });

  it('shares frozen parts: a caller cannot change what another one reads', () => {
    const a = urlParts('https://idp.example.com/sso')!;
    expect(urlParts('https://idp.example.com/sso')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => {
      (a as { host: string }).host = 'evil.example';
    }).toThrow();
  });

  it('stays right past the number of URLs it remembers', () => {
    for (let i = 0; i < 5000; i++) expect(urlParts(`https://h${i}.example/p`)?.hostname).toBe(`h${i}.example`);
    expect(urlParts('https://h0.example/p')?.hostname).toBe('h0.example');
  });
});

describe('hostnameOf', () => {
  it('is the lower-cased host name of a URL, and undefined for none or for text that is not one', () => {
    expect(hostnameOf('https://Login.MicrosoftOnline.com:443/tid/saml2?x=1')).toBe('login.microsoftonline.com');
    expect(hostnameOf('foo://Opaque.Example/p')).toBe('opaque.example');
    expect(hostnameOf(undefined)).toBeUndefined();
    expect(hostnameOf('')).toBeUndefined();
    expect(hostnameOf('not a url')).toBeUndefined();
  });
});
