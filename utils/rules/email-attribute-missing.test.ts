import { describe, expect, it } from 'vitest';
import { buildResponse, findingsOf, fixtureFindings } from '../../tests/support/response-builder';

const RULE = 'email-attribute-missing';

describe(RULE, () => {
  it('fires when no attribute carries an address, naming the names looked for and the NameID', () => {
    const [f, ...rest] = findingsOf(RULE, buildResponse({ nameId: 'jane@example.com', attributes: { login: ['jdoe'], name: ['Jane'] } }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: RULE, severity: 'error', reference: `docs/rules.md#${RULE}` });
    expect(f!.message).toContain('"email"');
    expect(f!.message).toContain('NameID (jane@example.com)');
    expect(f!.fix?.entra).toContain('Attributes & Claims');
    expect(f!.fix?.okta).toContain('user.email');
  });

  it('fires when the mapped attribute is present but empty', () => {
    const [f] = findingsOf(RULE, buildResponse({ attributes: { login: ['jdoe'], name: ['Jane'], email: [''] } }));
    expect(f?.message).toMatch(/"email" is present but empty/);
    expect(f?.evidence?.attribute).toBe('email');
  });

  it('stays silent for a mapped address, an address under another name, and the admin\'s own mapping', () => {
    expect(findingsOf(RULE, buildResponse())).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ attributes: { login: ['jdoe'], userEmailID: ['jane@example.com'] } }))).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ attributes: { courriel: ['x'] } }), { mapping: { email: ['courriel'] } })).toEqual([]);
  });

  it('stays silent for the generic profile and for an encrypted assertion', () => {
    const bare = buildResponse({ attributes: { login: ['jdoe'] } });
    expect(findingsOf(RULE, bare, { profile: 'generic' })).toEqual([]);
    expect(findingsOf(RULE, buildResponse({ encrypted: true }))).toEqual([]);
  });

  it('real fixtures: ADFS and Entra send the address as a claim URI; Google sends none', () => {
    expect(fixtureFindings(RULE, 'adfs/netsaml2-adfs-plain-groups.xml')).toEqual([]);
    expect(fixtureFindings(RULE, 'entra/saml2aws-aad-response.xml')).toEqual([]);
    expect(fixtureFindings(RULE, 'onelogin/crewjam-onelogin-response.b64')).toEqual([]);
    const [google] = fixtureFindings(RULE, 'google/crewjam-google-plaintext-response.b64');
    expect(google?.message).toContain('NameID (ross@octolabs.io)');
  });
});
