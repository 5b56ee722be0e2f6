import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { metadataForCapture, normalizeIdpMetadata, type IdpMetadataRecord } from './idp-metadata';
import { createIdpMetadataStore } from './idp-metadata-store';

const record = (id: string, entityId: string, sso: string): IdpMetadataRecord => ({
  enterpriseId: id,
  xml: `<EntityDescriptor entityID="${entityId}"/>`,
  entityIds: [entityId],
  ssoLocations: [sso],
  certificates: [{ subject: 'CN=idp', sha1: 'AA', sha256: 'BB', notAfter: '2030-01-01T00:00:00.000Z' }],
  source: 'paste',
  savedAt: '2026-11-30T00:00:00.000Z',
});
const entra = record('e1', 'https://sts.windows.net/tenant/', 'https://login.microsoftonline.com/tenant/saml2');
const okta = record('e2', 'http://www.okta.com/exk1', 'https://acme.okta.com/app/sso/saml');

describe('metadataForCapture', () => {
  it("picks the metadata of the IdP that issued a message, or that a request went to, and no other enterprise's", () => {
    expect(metadataForCapture([{ protocol: 'saml', kind: 'Response', issuer: 'https://sts.windows.net/tenant/', url: 'https://sp.example/acs' }], [entra, okta])).toEqual([entra]);
    expect(metadataForCapture([{ protocol: 'saml', kind: 'AuthnRequest', issuer: 'https://sp.example', url: 'https://acme.okta.com/app/sso/saml?SAMLRequest=x' }], [entra, okta])).toEqual([okta]);
    expect(metadataForCapture([{ protocol: 'saml', kind: 'Response', issuer: 'https://other-idp.example', url: 'https://acme.okta.com/x' }], [entra, okta])).toEqual([]);
    expect(metadataForCapture([{ protocol: 'oidc', issuer: 'https://sts.windows.net/tenant/' }], [entra])).toEqual([]);
  });
});

describe('normalizeIdpMetadata', () => {
  it('keeps valid entries and drops damaged ones', () => {
    const out = normalizeIdpMetadata({ e1: entra, bad: { xml: 42 }, empty: { xml: '  ' }, e3: { xml: '<x/>', source: 'ftp', certificates: [{ sha1: 1 }] } });
    expect(Object.keys(out)).toEqual(['e1', 'e3']);
    expect(out.e1).toEqual(entra);
    expect(out.e3).toMatchObject({ source: 'paste', certificates: [], entityIds: [] });
    expect(normalizeIdpMetadata('junk')).toEqual({});
  });
});

describe('IdP metadata store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves per enterprise in storage.local only, and removes', async () => {
    const store = createIdpMetadataStore();
    await store.set('e1', entra);
    await store.set('e2', okta);
    expect(Object.keys(await createIdpMetadataStore().load())).toEqual(['e1', 'e2']);
    expect(Object.keys(((await fakeBrowser.storage.local.get('idpMetadata')) as { idpMetadata: object }).idpMetadata)).toEqual(['e1', 'e2']);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    await store.set('e1', undefined);
    expect(Object.keys(await store.load())).toEqual(['e2']);
  });
});
