import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { readMessageInput } from '../har/read-message-input';
import { fixtureFindings, fixturePostFindings } from '../../tests/support/protocol-builder';

const RULE = 'signature-wrapping';

const sig = (ref: string) =>
  `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="${ref}"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/></ds:Reference></ds:SignedInfo></ds:Signature>`;
const assertion = (id: string, signature = '') =>
  `<saml:Assertion ID="${id}" Version="2.0" IssueInstant="2024-01-01T10:00:00Z"><saml:Issuer>https://idp.example.com</saml:Issuer>${signature}<saml:Subject><saml:NameID>ada@example.com</saml:NameID></saml:Subject></saml:Assertion>`;
const response = (inner: string, responseSig = '', extensions = '') =>
  `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_resp" Version="2.0" IssueInstant="2024-01-01T10:00:00Z"><saml:Issuer>https://idp.example.com</saml:Issuer>${responseSig}${extensions}<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${inner}</samlp:Response>`;
const findings = (xml: string) => analyze(readMessageInput(xml).entries).findings.filter((f) => f.rule === RULE);

describe(RULE, () => {
  it('fires on an unsigned assertion beside a signed one when the Response is unsigned', () => {
    const [f, ...rest] = findings(response(assertion('_evil') + assertion('_good', sig('#_good'))));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', evidence: { value: '_evil' } });
    expect(f!.message).toContain('1 unsigned assertion(s) beside 1 signed one(s)');
  });

  it('fires on a signature that references another element than the one it sits in', () => {
    const [f] = findings(response(assertion('_a1', sig('#_other'))));
    expect(f!.message).toContain('references "#_other", not the <Assertion> with ID "_a1" it sits in');
  });

  it('fires when the referenced ID is carried twice (a wrapped copy hidden in Extensions)', () => {
    const hidden = `<samlp:Extensions>${assertion('_a1', sig('#_a1'))}</samlp:Extensions>`;
    const got = findings(response(assertion('_a1'), '', hidden));
    expect(got.map((f) => f.message).join(' ')).toContain('Two elements carry the ID "_a1"');
  });

  it('stays silent for a Response signed as a whole, an assertion signed in place, and a root signature over the document', () => {
    expect(findings(response(assertion('_a1') + assertion('_a2'), sig('#_resp')))).toEqual([]);
    expect(findings(response(assertion('_a1', sig('#_a1'))))).toEqual([]);
    expect(findings(response(assertion('_a1'), sig('')))).toEqual([]);
  });

  it("real fixtures: ruby-saml's wrapping attack and multiple-assertions file; a double-signed Response stays silent", () => {
    expect(fixtureFindings(RULE, 'invalid/rubysaml-signature_wrapping_attack.b64').map((f) => f.message).join(' ')).toContain('Two elements carry the ID "pfxc3d2b542-0f7e-8767-8e87-5b0dc6913375"');
    expect(fixturePostFindings(RULE, 'invalid/rubysaml-multiple_assertions.b64')[0]?.message).toContain('references "#pfxa46574df-b3b0-a06a-23c8-636413198772", not the <Assertion> with ID "pfxa46574df-b3b0-a06a-23c8-636413198773"');
    expect(fixtureFindings(RULE, 'simplesamlphp/python3saml-double-signed-response.b64')).toEqual([]);
    expect(fixtureFindings(RULE, 'okta/gosaml2-okta-response.xml')).toEqual([]);
  });
});
