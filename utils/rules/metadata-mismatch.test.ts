import { describe, expect, it } from 'vitest';
import { cryptoFixture, keyFile } from '../../tests/support/crypto-fixtures';
import { deflateB64, redirectEntry } from '../../tests/support/har-builder';
import { idpMetadata } from '../../tests/support/metadata-builder';
import { IDP_ISSUER, IDP_SSO, buildAuthnRequest, buildProtocolResponse } from '../../tests/support/protocol-builder';
import { responseEntry, trustFindings } from '../../tests/support/trust-findings';

const RULE = 'metadata-mismatch';
const cert = keyFile('gosaml2-okta_cert.pem');

describe(RULE, () => {
  it('fires when the Issuer is not the metadata entityID', async () => {
    const [f] = await trustFindings(RULE, [responseEntry(buildProtocolResponse())], { trust: { metadata: [idpMetadata('https://sts.windows.net/other-tenant/', [cert])] } });
    expect(f).toMatchObject({ severity: 'error', evidence: { path: 'Response/Issuer', value: IDP_ISSUER, expected: 'https://sts.windows.net/other-tenant/' } });
    expect(f!.message).toBe(`The Issuer "${IDP_ISSUER}" is not the entityID of the metadata given ("https://sts.windows.net/other-tenant/"): the service expects another IdP.`);
  });

  it('fires when the AuthnRequest goes to a Destination the metadata does not list', async () => {
    const request = redirectEntry(IDP_SSO, 'SAMLRequest', deflateB64(buildAuthnRequest()));
    const [f] = await trustFindings(RULE, [request], { trust: { metadata: [idpMetadata(IDP_ISSUER, [cert], 'https://idp.example.com/new-sso')] } });
    expect(f).toMatchObject({ evidence: { path: 'AuthnRequest/@Destination', value: IDP_SSO } });
  });

  it('stays silent when both agree, and without metadata', async () => {
    const metadata = idpMetadata(IDP_ISSUER, [cert], IDP_SSO);
    const request = redirectEntry(IDP_SSO, 'SAMLRequest', deflateB64(buildAuthnRequest()));
    expect(await trustFindings(RULE, [request, responseEntry(buildProtocolResponse())], { trust: { metadata: [metadata] } })).toEqual([]);
    expect(await trustFindings(RULE, [responseEntry(buildProtocolResponse())], { trust: { certificates: [cert] } })).toEqual([]);
  });

  it('real fixture: the Okta response against metadata of its own IdP, then of another', async () => {
    const xml = cryptoFixture('okta/gosaml2-okta-response.xml');
    const issuer = /Issuer[^>]*>([^<]+)</.exec(xml)![1]!;
    expect(await trustFindings(RULE, [responseEntry(xml)], { trust: { metadata: [idpMetadata(issuer, [cert])] } })).toEqual([]);
    expect(await trustFindings(RULE, [responseEntry(xml)], { trust: { metadata: [idpMetadata('http://www.okta.com/another-app', [cert])] } })).toHaveLength(1);
  });
});
