import { describe, expect, it } from 'vitest';
import { flowFindings } from '../../tests/support/protocol-builder';

const RULE = 'entra-not-assigned';
const ENTRA = 'https://sts.windows.net/25f4519b-eca5-405d-b516-123af862c268/';
const AADSTS50105 =
  "AADSTS50105: Your administrator has configured the application SonarQube Cloud ('a1b2') to block users unless they are specifically granted ('assigned') access to the application.";

describe(RULE, () => {
  it('fires when the StatusMessage carries AADSTS50105, quoting it and pointing at Users and groups', () => {
    const [f] = flowFindings(RULE, {
      response: { issuer: ENTRA, assertion: null, status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Requester', subCode: 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied', message: AADSTS50105 } },
    });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { path: 'Response/Status/StatusMessage', value: AADSTS50105 } });
    expect(f!.message).toContain('AADSTS50105');
    expect(f!.message).toContain('not assigned to this application');
    expect(f!.fix?.entra).toContain('Users and groups');
    expect(f!.docs).toContain('aadsts50105');
  });

  it('stays silent for other Entra errors and for successful Responses', () => {
    expect(flowFindings(RULE, { response: { issuer: ENTRA, assertion: null, status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Requester', message: 'AADSTS700016: Application not found' } } })).toEqual([]);
    expect(flowFindings(RULE, { response: { issuer: ENTRA } })).toEqual([]);
  });
});
