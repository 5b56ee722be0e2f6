import { describe, expect, it } from 'vitest';
import { checkEnterpriseKey, sonarLoginUrl, sonarOneClickLink, sonarRegionOfHost } from './sonarqube-cloud';

describe('SonarQube Cloud links', () => {
  it('builds the EU one-click link and login URL on sonarcloud.io', () => {
    expect(sonarOneClickLink('eu', 'acme')).toBe('https://sonarcloud.io/login/sso?enterprise_key=acme');
    expect(sonarLoginUrl('eu')).toBe('https://sonarcloud.io/login/sso');
  });

  it('builds the US one-click link and login URL on sonarqube.us', () => {
    expect(sonarOneClickLink('us', 'acme-us')).toBe('https://sonarqube.us/login/sso?enterprise_key=acme-us');
    expect(sonarLoginUrl('us')).toBe('https://sonarqube.us/login/sso');
  });

  it('encodes a key so it cannot add query parameters', () => {
    expect(sonarOneClickLink('eu', 'a&b')).toBe('https://sonarcloud.io/login/sso?enterprise_key=a%26b');
  });

  it('knows the region of each host', () => {
    expect(sonarRegionOfHost('sonarcloud.io')).toBe('eu');
    expect(sonarRegionOfHost('SONARQUBE.US')).toBe('us');
    expect(sonarRegionOfHost('evil-sonarcloud.io')).toBeUndefined();
  });
});

describe('checkEnterpriseKey', () => {
  it('accepts a key and trims the spaces around it', () => {
    expect(checkEnterpriseKey('  acme-corp ')).toEqual({ ok: true, key: 'acme-corp' });
  });

  it('rejects an empty key', () => {
    const check = checkEnterpriseKey('   ');
    expect(check.ok).toBe(false);
  });

  it('rejects spaces inside a key and cites the troubleshooting guide', () => {
    const check = checkEnterpriseKey('acme corp');
    expect(check).toMatchObject({ ok: false });
    if (!check.ok) {
      expect(check.message).toMatch(/no spaces/);
      expect(check.message).toMatch(/first cause in SonarQube Cloud's SSO troubleshooting guide/);
    }
  });

  it('offers the key and region from a one-click link pasted as the key', () => {
    const check = checkEnterpriseKey('https://sonarqube.us/login/sso?enterprise_key=acme-us');
    expect(check).toMatchObject({ ok: false, suggestion: { key: 'acme-us', region: 'us' } });
    if (!check.ok) expect(check.message).toMatch(/full URL/);
  });

  it('offers the key from a link pasted without its scheme', () => {
    expect(checkEnterpriseKey('sonarcloud.io/login/sso?enterprise_key=acme')).toMatchObject({
      ok: false,
      suggestion: { key: 'acme', region: 'eu' },
    });
  });

  it('rejects the login page URL, which carries no key, without a suggestion', () => {
    const check = checkEnterpriseKey('https://sonarcloud.io/login/sso');
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.suggestion).toBeUndefined();
      expect(check.message).toMatch(/no enterprise_key/);
    }
  });

  it('rejects a trailing slash and suggests the key without it', () => {
    expect(checkEnterpriseKey('acme/')).toMatchObject({ ok: false, suggestion: { key: 'acme' } });
    expect(checkEnterpriseKey('acme//')).toMatchObject({ ok: false, suggestion: { key: 'acme' } });
  });

  it('rejects URL punctuation inside a key', () => {
    const check = checkEnterpriseKey('acme#x');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/"#"/);
  });
});
