// Real messages from public IdP test suites (tests/fixtures/saml/SOURCES.md), read through the whole engine.
import { describe, expect, it } from 'vitest';
import { analyzeSaml } from '../../tests/support/saml-analysis';
import { readMessageInput } from '../har/read-message-input';
import { fixtureText } from '../../tests/support/har-builder';

const read = (path: string) => {
  const { messages } = analyzeSaml(readMessageInput(fixtureText(path)).entries);
  expect(messages).toHaveLength(1);
  return messages[0]!;
};
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const RSA_SHA1 = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';

describe('real IdP responses', () => {
  it('Entra ID: issuer, e-mail NameID, audience, assertion-only signature, claim-URI attributes', () => {
    const m = read('entra/saml2aws-aad-response.xml');
    expect(m).toMatchObject({ kind: 'Response', issuer: 'https://sts.windows.net/25f4519b-eca5-405d-b516-123af862c268/', destination: 'https://signin.aws.amazon.com/saml', encryptedAssertions: 0 });
    expect(m.signature).toBeUndefined();
    const a = m.assertions[0]!;
    expect(a.subject).toMatchObject({ nameId: 'exampleuser@exampledomain.com', nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' });
    expect(a.conditions!.audiences).toEqual(['https://signin.aws.amazon.com/saml']);
    expect(a.signature!.signatureMethod).toBe(RSA_SHA256);
    expect(a.attributes.find((x) => x.name === 'http://schemas.microsoft.com/identity/claims/displayname')!.values).toEqual(['Doe, John']);
    expect(a.attributes.find((x) => x.name.endsWith('/authnmethodsreferences'))!.values).toHaveLength(2);
  });

  it('Okta: both Response and Assertion signed, bearer confirmation with InResponseTo', () => {
    const m = read('okta/gosaml2-okta-response.xml');
    expect(m).toMatchObject({ issuer: 'http://www.okta.com/exk659aytfMeNI49v0h7', inResponseTo: '_15f66d2d-628b-4d9b-a99e-089d8da862e1' });
    expect(m.signature).toMatchObject({ on: 'message', signatureMethod: RSA_SHA256, digestMethods: ['http://www.w3.org/2001/04/xmlenc#sha256'] });
    const a = m.assertions[0]!;
    expect(a.signature!.on).toBe('assertion');
    expect(a.subject.confirmations).toEqual([
      { method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer', recipient: 'http://localhost:8080/v1/_saml_callback', notOnOrAfter: '2016-07-25T23:25:14.859Z', inResponseTo: '_15f66d2d-628b-4d9b-a99e-089d8da862e1' },
    ]);
    expect(a.attributes).toEqual([{ name: 'username', nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified', values: ['russell.haering@scaleft.com'] }]);
  });

  it('ADFS: group claim with two values and the e-mail claim', () => {
    const a = read('adfs/netsaml2-adfs-plain-groups.xml').assertions[0]!;
    expect(a.attributes.find((x) => x.name === 'http://schemas.xmlsoap.org/claims/Group')!.values).toEqual(['Domain Users', 'Zaaksysteemgebruikers']);
    expect(a.attributes.find((x) => x.name.endsWith('/emailaddress'))!.values).toEqual(['gebruiker@testsuite.zaaksysteem.nl']);
    expect(a.conditions).toEqual({ notBefore: '2018-07-25T08:02:24.338Z', notOnOrAfter: '2018-07-25T09:02:24.338Z', audiences: ['TestUPN'] });
  });

  it('OneLogin: three group values, SHA-1 response signature', () => {
    const m = read('onelogin/gosaml2-olgn09-response-01.b64');
    expect(m.issuer).toBe('https://saml.idp.nope/h9gkjzvb3e');
    expect(m.signature).toMatchObject({ signatureMethod: RSA_SHA1, digestMethods: ['http://www.w3.org/2000/09/xmldsig#sha1'] });
    expect(m.assertions[0]!.attributes.find((x) => x.name === 'group')!.values).toEqual(['red', 'green', 'blue']);
  });

  it('Google: empty attributes are kept with no values', () => {
    const a = read('google/crewjam-google-plaintext-response.b64').assertions[0]!;
    expect(a.subject.nameId).toBe('ross@octolabs.io');
    expect(a.attributes.map((x) => [x.name, x.values])).toEqual([['phone', []], ['address', []], ['jobTitle', []], ['firstName', ['Ross']], ['lastName', ['Kinder']]]);
  });

  it('SimpleSAMLphp (Shibboleth-style): mail attribute, both signed with SHA-1', () => {
    const m = read('simplesamlphp/rubysaml-simplesamlphp-response.xml');
    expect(m.issuer).toBe('https://federate.example.net/saml/saml2/idp/metadata.php');
    expect(m.assertions[0]!.attributes).toEqual([{ name: 'mail', nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic', values: ['someone@example.com'] }]);
    expect(m.assertions[0]!.conditions!.audiences).toEqual(['hello.com']);
  });

  it('Auth0 and PingFederate: NameID and attribute values as sent', () => {
    expect(read('auth0/gosaml2-auth0-response.xml').assertions[0]!.subject.nameId).toBe('google-oauth2|117637692321743777825');
    const ping = read('pingfed/gosaml2-pfed11-response-01.b64');
    expect(ping.assertions[0]!.attributes.find((x) => x.name === 'group')!.values).toEqual(['red,green,blue']);
  });

  it('encrypted assertions are counted, not read', () => {
    for (const path of ['okta/gosaml2-okta-response-encrypted.b64', 'adfs/gosaml2-adfs-response-encrypted.b64', 'shibboleth/crewjam-testshib-response.xml']) {
      const m = read(path);
      expect(m.encryptedAssertions).toBe(1);
      expect(m.assertions).toEqual([]);
    }
  });

  it('a Responder status keeps its message', () => {
    expect(read('invalid/rubysaml-status_code_responer_and_msg.b64').status).toEqual({ code: 'urn:oasis:names:tc:SAML:2.0:status:Responder', message: 'something_is_wrong' });
  });

  it('a deflated POST body (sent by some IdPs) is still read', () => {
    expect(read('invalid/rubysaml-invalid_audience.b64').kind).toBe('Response');
  });

  it('entities in values are resolved once', () => {
    const values = read('pingfed/rubysaml-pfdemo-ampersands.b64').assertions[0]!.attributes.flatMap((a) => a.values);
    expect(values.some((v) => v.includes('&') && !v.includes('&amp;'))).toBe(true);
  });
});

describe('real requests', () => {
  it('AuthnRequest by Redirect URL: issuer, ACS URL, binding, RelayState', () => {
    const m = read('requests/crewjam-authn-request.url');
    expect(m).toMatchObject({ kind: 'AuthnRequest', binding: 'redirect', issuer: 'https://15661444.ngrok.io/saml2/metadata', destination: 'https://idp.testshib.org/idp/profile/SAML2/Redirect/SSO' });
    expect(m.request).toMatchObject({ acsUrl: 'https://15661444.ngrok.io/saml2/acs', protocolBinding: '' }); // sent empty by this SP
    expect(m.relayState).toMatch(/^eyJ/);
  });

  it('LogoutRequest, deflated: NameID and issuer', () => {
    const m = read('requests/rubysaml-logout-request-deflated.b64');
    expect(m).toMatchObject({ kind: 'LogoutRequest', issuer: 'https://app.onelogin.com/saml/metadata/SOMEACCOUNT' });
    expect(m.logout!.nameId).toBeTruthy();
  });
});
