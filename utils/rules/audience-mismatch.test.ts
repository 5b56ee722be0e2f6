import { describe, expect, it } from 'vitest';
import { flowFindings, fixturePostFindings, SP_ENTITY_ID } from '../../tests/support/protocol-builder';

const RULE = 'audience-mismatch';

describe(RULE, () => {
  it("fires when no Audience is the AuthnRequest's Issuer", () => {
    const [f] = flowFindings(RULE, { response: { assertion: { audiences: ['https://other-app.example.com'] } } });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { value: 'https://other-app.example.com', expected: SP_ENTITY_ID } });
    expect(f!.message).toBe(`The assertion is for audience "https://other-app.example.com", but the SP's entity ID is "${SP_ENTITY_ID}" (from the AuthnRequest's Issuer).`);
    expect(f!.fix?.entra).toContain('Identifier (Entity ID)');
    expect(f!.fix?.okta).toContain('Audience URI (SP Entity ID)');
  });

  it('names a near miss: a trailing slash', () => {
    expect(flowFindings(RULE, { response: { assertion: { audiences: [`${SP_ENTITY_ID}/`] } } })[0]?.message).toMatch(/: only a trailing slash differs\.$/);
  });

  it('uses the entity ID given by the user over the request, and without a request', () => {
    const [f] = flowFindings(RULE, { request: false }, { spEntityId: 'urn:sp:prod' });
    expect(f!.message).toContain('"urn:sp:prod" (as given)');
  });

  it('stays silent when an Audience matches, and when the SP entity ID is unknown', () => {
    expect(flowFindings(RULE)).toEqual([]);
    expect(flowFindings(RULE, { response: { assertion: { audiences: ['https://other.example.com', SP_ENTITY_ID] } } })).toEqual([]);
    expect(flowFindings(RULE, { request: false, response: { assertion: { audiences: ['https://other-app.example.com'] } } })).toEqual([]);
  });

  it('real fixture: ruby-saml invalid audience against the entity ID its test suite uses', () => {
    const [f] = fixturePostFindings(RULE, 'invalid/rubysaml-invalid_audience.b64', { spEntityId: 'http://stuff.com/endpoints/metadata.php' });
    expect(f?.message).toContain('audience "http://invalid.audience.com"');
    expect(fixturePostFindings(RULE, 'invalid/rubysaml-no_nameid.b64', { spEntityId: 'http://stuff.com/endpoints/metadata.php' })).toEqual([]);
  });
});
