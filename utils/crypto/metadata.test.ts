import { describe, expect, it } from 'vitest';
import { keyFile } from '../../tests/support/crypto-fixtures';
import { idpMetadata } from '../../tests/support/metadata-builder';
import { makeKeys } from '../../tests/support/xml-signing';
import { parseMetadata } from './index';

describe('parseMetadata', () => {
  it('reads entityID, the IdP role signing certificates (not encryption, not WS-Fed) and SSO locations', async () => {
    const a = makeKeys('rsa:2048', { cn: 'current' });
    const b = makeKeys('rsa:2048', { cn: 'next' });
    const r = await parseMetadata(idpMetadata('https://sts.windows.net/tenant/', [a.certPem, b.certPem]));
    expect(r.error).toBeUndefined();
    expect(r.entities).toHaveLength(1);
    const [e] = r.entities;
    expect(e!.entityId).toBe('https://sts.windows.net/tenant/');
    expect(e!.signingCertificates.map((c) => c.subject)).toEqual(['CN=current', 'CN=next']);
    expect(e!.ssoServices).toEqual([
      { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', location: 'https://login.microsoftonline.com/tenant/saml2' },
      { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', location: 'https://login.microsoftonline.com/tenant/saml2/post' },
    ]);
    expect(e!.sloServices).toHaveLength(1);
  });

  it('reads every entity of an aggregate (EntitiesDescriptor) and an SP entity\'s ACS', async () => {
    const idp = idpMetadata('https://idp.example.com', [keyFile('gosaml2-okta_cert.pem')]).replace(/^<\?xml[^>]*\?>/, '');
    const sp = '<EntityDescriptor entityID="https://sp.example.com" xmlns="urn:oasis:names:tc:SAML:2.0:metadata"><SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><AssertionConsumerService index="0" Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example.com/acs"/></SPSSODescriptor></EntityDescriptor>';
    const r = await parseMetadata(`<EntitiesDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata">${idp}${sp}</EntitiesDescriptor>`);
    expect(r.entities.map((e) => e.entityId)).toEqual(['https://idp.example.com', 'https://sp.example.com']);
    expect(r.entities[1]!.acsServices[0]!.location).toBe('https://sp.example.com/acs');
  });

  it('an unreadable certificate is a warning; not-metadata and bad XML are errors; nothing throws', async () => {
    const r = await parseMetadata(idpMetadata('x', ['-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----']));
    expect(r.entities[0]!.signingCertificates).toEqual([]);
    expect(r.warnings[0]).toContain('cannot be read');
    expect((await parseMetadata('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>')).error).toContain('not SAML metadata');
    expect((await parseMetadata('<EntityDescriptor')).error).toContain('not well-formed');
    expect((await parseMetadata('<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>')).error).toContain('DOCTYPE');
  });
});
