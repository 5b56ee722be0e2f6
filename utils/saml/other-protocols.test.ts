import { describe, expect, it } from 'vitest';
import { analyzeSaml as analyze } from '../../tests/support/saml-analysis';
import { b64, postEntry } from '../../tests/support/har-builder';
import type { HarEntry } from '../har/types';

// A SAML 1.1 Browser/POST Response as Shibboleth 1.3 sends it: MajorVersion/MinorVersion, ResponseID, a QName
// status code, AttributeName/AttributeNamespace.
export const SAML11_RESPONSE = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:1.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:1.0:assertion" MajorVersion="1" MinorVersion="1" ResponseID="_r11" IssueInstant="2012-03-01T10:00:00Z" Recipient="https://sp.example.com/Shibboleth.sso/SAML/POST">
<samlp:Status><samlp:StatusCode Value="samlp:Success"/></samlp:Status>
<saml:Assertion MajorVersion="1" MinorVersion="1" AssertionID="_a11" Issuer="https://idp.example.org/shibboleth" IssueInstant="2012-03-01T10:00:00Z">
<saml:Conditions NotBefore="2012-03-01T09:59:00Z" NotOnOrAfter="2012-03-01T10:05:00Z"><saml:AudienceRestrictionCondition><saml:Audience>https://sp.example.com/shibboleth</saml:Audience></saml:AudienceRestrictionCondition></saml:Conditions>
<saml:AuthenticationStatement AuthenticationMethod="urn:oasis:names:tc:SAML:1.0:am:password" AuthenticationInstant="2012-03-01T10:00:00Z"><saml:Subject><saml:NameIdentifier Format="urn:mace:shibboleth:1.0:nameIdentifier">_h1</saml:NameIdentifier></saml:Subject></saml:AuthenticationStatement>
<saml:AttributeStatement><saml:Subject><saml:NameIdentifier>_h1</saml:NameIdentifier></saml:Subject><saml:Attribute AttributeName="urn:mace:dir:attribute-def:mail" AttributeNamespace="urn:mace:shibboleth:1.0:attributeNamespace:uri"><saml:AttributeValue>ada@example.org</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>
</saml:Assertion></samlp:Response>`;

export const WSFED_RESULT = `<t:RequestSecurityTokenResponse xmlns:t="http://schemas.xmlsoap.org/ws/2005/02/trust"><t:Lifetime><wsu:Created xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">2019-05-02T08:00:00.000Z</wsu:Created><wsu:Expires xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">2019-05-02T09:00:00.000Z</wsu:Expires></t:Lifetime><wsp:AppliesTo xmlns:wsp="http://schemas.xmlsoap.org/ws/2004/09/policy"><wsa:EndpointReference xmlns:wsa="http://www.w3.org/2005/08/addressing"><wsa:Address>https://app.example.com/</wsa:Address></wsa:EndpointReference></wsp:AppliesTo><t:RequestedSecurityToken><saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:1.0:assertion" MajorVersion="1" MinorVersion="1" AssertionID="_ws1" Issuer="http://adfs.example.com/adfs/services/trust" IssueInstant="2019-05-02T08:00:00.000Z"><saml:AttributeStatement><saml:Subject><saml:NameIdentifier>ada</saml:NameIdentifier></saml:Subject><saml:Attribute AttributeName="emailaddress" AttributeNamespace="http://schemas.xmlsoap.org/ws/2005/05/identity/claims"><saml:AttributeValue>ada@example.com</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion></t:RequestedSecurityToken></t:RequestSecurityTokenResponse>`;

const artifactResponse = (outerStatus: string, inner: string) => `<samlp:ArtifactResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_ar1" InResponseTo="_resolve1" Version="2.0" IssueInstant="2020-02-02T12:00:00Z"><saml:Issuer>https://idp.example.nl</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:${outerStatus}"/></samlp:Status>${inner}</samlp:ArtifactResponse>`;
const RESPONDER_RESPONSE = `<samlp:Response ID="_in1" InResponseTo="_authn1" Version="2.0" IssueInstant="2020-02-02T12:00:00Z"><saml:Issuer>https://idp.example.nl</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"/></samlp:StatusCode></samlp:Status></samlp:Response>`;

const wsFedPost = (wresult: string): HarEntry => {
  const body = `wa=wsignin1.0&wresult=${encodeURIComponent(wresult)}&wctx=rm%3D0`;
  return {
    startedDateTime: '2019-05-02T08:00:01.000Z',
    request: { method: 'POST', url: 'https://app.example.com/', headers: [], postData: { mimeType: 'application/x-www-form-urlencoded', text: body } },
    response: { status: 302, headers: [] },
  };
};

describe('SAML 1.1', () => {
  it('is recognised and named, and no SAML 2.0 rule judges it (no contradictory status finding)', () => {
    const { messages, findings } = analyze([postEntry('https://sp.example.com/Shibboleth.sso/SAML/POST', 'SAMLResponse', b64(SAML11_RESPONSE), { time: '2012-03-01T10:00:01Z' })]);
    expect(messages[0]).toMatchObject({ kind: 'Saml11Response', id: '_r11', version: '1.1', issuer: 'https://idp.example.org/shibboleth', status: { code: 'samlp:Success' } });
    expect(messages[0]!.assertions[0]!.attributes).toEqual([{ name: 'urn:mace:dir:attribute-def:mail', nameFormat: 'urn:mace:shibboleth:1.0:attributeNamespace:uri', values: ['ada@example.org'] }]);
    expect(findings).toEqual([]);
  });

  it('a SAML 2.0 Response with the same root name stays a Response', () => {
    const saml2 = SAML11_RESPONSE.replace('MajorVersion="1" MinorVersion="1" ResponseID', 'Version="2.0" ID');
    expect(analyze([postEntry('https://sp.example.com/acs', 'SAMLResponse', b64(saml2))]).messages[0]!.kind).toBe('Response');
  });
});

describe('WS-Federation', () => {
  it('a wresult POST is recognised as WS-Federation with its SAML 1.1 token, and judged by no SAML 2.0 rule', () => {
    const { messages, findings } = analyze([wsFedPost(WSFED_RESULT)]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'WsFedResponse', param: 'wresult', version: 'WS-Federation', tokenVersion: 'SAML 1.1', issuer: 'http://adfs.example.com/adfs/services/trust', destination: 'https://app.example.com/' });
    expect(findings).toEqual([]);
  });

  it('a wresult that is not a token response is a decode failure that says so', () => {
    const { findings } = analyze([wsFedPost('<html>oops</html>')]);
    expect(findings.map((f) => f.rule)).toEqual(['decode-failed']);
    expect(findings[0]!.message).toContain('RequestSecurityTokenResponse');
  });
});

describe('ArtifactResponse', () => {
  it('the Response inside is what is judged: a Responder/AuthnFailed answer is a status error', () => {
    const { messages, findings } = analyze([postEntry('https://sp.example.nl/acs', 'SAMLResponse', b64(artifactResponse('Success', RESPONDER_RESPONSE)))]);
    expect(messages[0]).toMatchObject({ kind: 'Response', id: '_in1', envelope: { kind: 'ArtifactResponse', id: '_ar1', inResponseTo: '_resolve1' } });
    const status = findings.find((f) => f.rule === 'status-not-success');
    expect(status?.severity).toBe('error');
    expect(status?.message).toContain('AuthnFailed');
  });

  it('a failed ArtifactResponse is itself the error', () => {
    const { messages, findings } = analyze([postEntry('https://sp.example.nl/acs', 'SAMLResponse', b64(artifactResponse('Requester', '')))]);
    expect(messages[0]!.kind).toBe('ArtifactResponse');
    expect(findings.map((f) => f.rule)).toContain('status-not-success');
  });
});
