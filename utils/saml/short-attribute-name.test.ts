import { describe, expect, it } from 'vitest';
import { shortAttributeName } from './short-attribute-name';

describe('short attribute names', () => {
  it('takes the last segment of a claim URI', () => {
    expect(shortAttributeName('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress')).toBe('emailaddress');
    expect(shortAttributeName('http://schemas.microsoft.com/ws/2008/06/identity/claims/groups')).toBe('groups');
    expect(shortAttributeName('http://schemas.microsoft.com/identity/claims/displayname/')).toBe('displayname');
    expect(shortAttributeName('https://aws.amazon.com/SAML/Attributes/Role')).toBe('Role');
    expect(shortAttributeName('urn:mace:dir:attribute-def:mail')).toBe('mail');
    expect(shortAttributeName('http://example.com/ns#department')).toBe('department');
  });

  it('names well-known OIDs, and leaves unknown ones alone', () => {
    expect(shortAttributeName('urn:oid:0.9.2342.19200300.100.1.3')).toBe('mail');
    expect(shortAttributeName('urn:oid:2.5.4.42')).toBe('givenName');
    expect(shortAttributeName('urn:oid:1.3.6.1.4.1.5923.1.1.1.6')).toBe('eduPersonPrincipalName');
    expect(shortAttributeName('urn:oid:1.2.3.4.5')).toBeUndefined();
  });

  it('adds nothing to a name that is already short', () => {
    for (const name of ['email', 'login', 'groups', '', 'http://', 'urn:']) expect(shortAttributeName(name)).toBeUndefined();
  });
});
