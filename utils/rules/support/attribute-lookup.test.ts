import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../profiles';

const sonarqubeCloud = defaultProfile('sonarqube-cloud');
import type { Assertion, Attribute } from '../../saml/types';
import { findAttribute, findEmail, isEmailAddress, isGuid, lastSegment } from './attribute-lookup';

const assertion = (attributes: Attribute[]): Assertion => ({ subject: { confirmations: [] }, attributes });

describe('findAttribute', () => {
  it('prefers an exact name over a FriendlyName over a last-segment match', () => {
    const uri = { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', values: ['uri@example.com'] };
    const friendly = { name: 'urn:oid:0.9.2342.19200300.100.1.3', friendlyName: 'mail', values: ['oid@example.com'] };
    const exact = { name: 'email', values: ['exact@example.com'] };
    expect(findAttribute(assertion([uri, friendly, exact]), ['email', 'mail'])).toMatchObject({ attribute: exact, matchedBy: 'name' });
    expect(findAttribute(assertion([uri, friendly]), ['mail', 'emailaddress'])).toMatchObject({ attribute: friendly, matchedBy: 'friendly-name' });
    expect(findAttribute(assertion([uri]), ['EmailAddress'])).toMatchObject({ attribute: uri, matchedBy: 'last-segment' });
  });

  it('matches a bare candidate case-insensitively, and keeps only non-blank values', () => {
    const found = findAttribute(assertion([{ name: 'Groups', values: ['Dev', ' ', ''] }]), ['groups']);
    expect(found).toMatchObject({ matchedBy: 'last-segment', values: ['Dev'] });
  });

  it('does not let a claim URI candidate pick a bare attribute of another meaning', () => {
    const displayName = { name: 'name', values: ['Jane Doe'] };
    expect(findAttribute(assertion([displayName]), ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name'])).toBeUndefined();
    const otherNs = { name: 'http://example.com/claims/Name', values: ['jdoe'] };
    expect(findAttribute(assertion([otherNs]), ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name'])).toMatchObject({ attribute: otherNs });
  });

  it('finds nothing when no name matches', () => {
    expect(findAttribute(assertion([{ name: 'firstName', values: ['Jane'] }]), ['name', 'displayName'])).toBeUndefined();
  });
});

describe('findEmail', () => {
  it('falls back to any attribute whose value is an e-mail address, but not a group value', () => {
    const byValue = findEmail(assertion([{ name: 'userEmailID', values: ['jane@example.com'] }]), sonarqubeCloud);
    expect(byValue).toMatchObject({ byValue: true, values: ['jane@example.com'] });
    expect(findEmail(assertion([{ name: 'groups', values: ['devs@example.com'] }]), sonarqubeCloud)).toBeUndefined();
  });
});

describe('value shapes', () => {
  it('tells object IDs, e-mail addresses and URI segments apart', () => {
    expect(isGuid('7f3c2a1e-9b4d-4e21-a8f0-3c5d6e7f8a9b')).toBe(true);
    expect(isGuid('Developers')).toBe(false);
    expect(isEmailAddress('jane.doe@example.com')).toBe(true);
    expect(isEmailAddress('myuser@netsaml2')).toBe(false);
    expect(lastSegment('http://schemas.xmlsoap.org/claims/Group')).toBe('group');
    expect(lastSegment('urn:oid:2.5.4.42')).toBe('2.5.4.42');
  });

  it('reads object IDs exactly as the GUID pattern does: braces, case, whitespace, near misses', () => {
    const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
    for (const v of ['{7F3C2A1E-9B4D-4E21-A8F0-3C5D6E7F8A9B}', ' 7f3c2a1e-9b4d-4e21-a8f0-3c5d6e7f8a9b\n', '{7f3c2a1e-9b4d-4e21-a8f0-3c5d6e7f8a9b', '7f3c2a1e-9b4d-4e21-a8f0-3c5d6e7f8a9b}']) {
      expect(isGuid(v), v).toBe(true);
    }
    for (const v of ['', '{}', '7f3c2a1e-9b4d-4e21-a8f0-3c5d6e7f8a9', '7f3c2a1e-9b4d-4e21-a8f0-3c5d6e7f8a9bb', '7f3c2a1e_9b4d-4e21-a8f0-3c5d6e7f8a9b', 'gf3c2a1e-9b4d-4e21-a8f0-3c5d6e7f8a9b', '{{7f3c2a1e-9b4d-4e21-a8f0-3c5d6e7f8a9b}']) {
      expect(isGuid(v), v).toBe(false);
    }
    // Strings made of GUID-like pieces, so that near misses are common, compared with the pattern.
    const piece = fc.constantFrom('{', '}', '-', ' ', '\t', 'a', 'F', '0', '9', 'g', 'G', '7f3c2a1e', '9b4d', '3c5d6e7f8a9b', '\u00e9', '\u2003');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const v = parts.join('');
        expect(isGuid(v)).toBe(GUID.test(v.trim()));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.uuid(), fc.boolean(), fc.boolean(), (id, open, close) => {
        const v = `${open ? '{' : ''}${id}${close ? '}' : ''}`;
        expect(isGuid(v)).toBe(GUID.test(v));
      }),
    );
  });
});
