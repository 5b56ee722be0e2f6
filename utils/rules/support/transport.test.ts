import { describe, expect, it } from 'vitest';
import { deliveredTo, describeDifference, sameEndpoint, startsWithEndpoint } from './transport';

describe('transport', () => {
  it('knows where a message really went, and nothing for synthetic input', () => {
    expect(deliveredTo({ url: 'https://sp.example.com/acs#x' })).toBe('https://sp.example.com/acs');
    expect(deliveredTo({ url: 'about:blank' })).toBeUndefined();
    expect(deliveredTo({ url: 'not a url' })).toBeUndefined();
  });

  it('compares endpoints as SPs do: host case and default ports aside, path and query exactly', () => {
    expect(sameEndpoint('https://SP.example.com:443/acs', 'https://sp.example.com/acs')).toBe(true);
    expect(sameEndpoint('https://sp.example.com/acs', 'https://sp.example.com/acs/')).toBe(false);
    expect(sameEndpoint('https://sp.example.com/ACS', 'https://sp.example.com/acs')).toBe(false);
    expect(startsWithEndpoint('https://sp.example.com/acs?tenant=1', 'https://sp.example.com/acs')).toBe(true);
    expect(startsWithEndpoint('https://sp.example.com/acs', 'https://sp.example.com/acs/')).toBe(false);
  });

  it('says what differs', () => {
    expect(describeDifference('https://a.example/acs', 'http://a.example/acs')).toBe('the scheme differs: https vs http');
    expect(describeDifference('https://a.example/acs', 'https://a.example/acs/')).toBe('only a trailing slash differs');
    expect(describeDifference('https://a.example/ACS', 'https://a.example/acs')).toBe('only the letter case of the path differs');
    expect(describeDifference('https://a.example/acs?x=1', 'https://a.example/acs')).toBe('the query differs: ?x=1 vs none');
    expect(describeDifference('{recipient}', 'https://a.example/acs')).toBeUndefined();
  });
});
