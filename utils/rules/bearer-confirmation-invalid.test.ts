import { describe, expect, it } from 'vitest';
import { flowFindings, fixturePostFindings } from '../../tests/support/protocol-builder';

const RULE = 'bearer-confirmation-invalid';

describe(RULE, () => {
  it('fires without a bearer confirmation, naming the methods present', () => {
    const [f] = flowFindings(RULE, { response: { assertion: { confirmations: [{ method: 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key' }] } } });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { value: 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key' } });
    expect(f!.message).toBe('The assertion has no bearer SubjectConfirmation (only holder-of-key): browser sign-in needs Method "urn:oasis:names:tc:SAML:2.0:cm:bearer".');
  });

  it('fires when the bearer data lacks Recipient and NotOnOrAfter, or has NotBefore', () => {
    expect(flowFindings(RULE, { response: { assertion: { confirmations: [{ recipient: null, notOnOrAfter: null }] } } })[0]?.message).toBe(
      "The assertion's bearer SubjectConfirmationData has no Recipient and no NotOnOrAfter.",
    );
    expect(flowFindings(RULE, { response: { assertion: { confirmations: [{ notBefore: '2024-01-01T09:59:00Z' }] } } })[0]?.message).toContain(
      'a NotBefore (2024-01-01T09:59:00Z), which the profile forbids',
    );
  });

  it('stays silent when one bearer confirmation is complete', () => {
    expect(flowFindings(RULE)).toEqual([]);
    expect(flowFindings(RULE, { response: { assertion: { confirmations: [{ recipient: null }, {}] } } })).toEqual([]);
  });

  it('real fixtures: every public Response has a complete bearer confirmation', () => {
    for (const f of ['adfs/gosaml2-adfs-response.b64', 'okta/gosaml2-okta-response.xml', 'entra/saml2aws-aad-response.xml']) expect(fixturePostFindings(RULE, f)).toEqual([]);
  });
});
