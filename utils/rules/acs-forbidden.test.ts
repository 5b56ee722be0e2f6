import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { ACS, flowFindings, fixturePostFindings } from '../../tests/support/protocol-builder';
import { b64, postEntry } from '../../tests/support/har-builder';
import { buildProtocolResponse } from '../../tests/support/protocol-builder';

const RULE = 'acs-forbidden';

describe(RULE, () => {
  it('for SonarQube Cloud: more than one sign-on URL configured in the IdP, keep only the Single Sign-On URL', () => {
    const [f] = flowFindings(RULE, { acsStatus: 403 }, { profile: 'sonarqube-cloud' });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { value: '403', postedTo: ACS } });
    expect(f!.message).toContain('SonarQube Cloud answered HTTP 403 Forbidden');
    expect(f!.message).toContain('more than one sign-on URL is configured in the IdP');
    expect(f!.message).toContain('keep only the Single Sign-On URL');
    expect(f!.fix?.entra).toContain('keep a single Reply URL');
  });

  it('for another SP: the service refused the Response', () => {
    expect(flowFindings(RULE, { acsStatus: 403 }, { profile: 'generic' })[0]?.message).toBe(
      `The ACS answered HTTP 403 Forbidden to the Response posted to ${ACS}: the service received the Response and refused it.`,
    );
  });

  it('stays silent for other statuses and for synthetic input', () => {
    expect(flowFindings(RULE, { acsStatus: 302 })).toEqual([]);
    expect(flowFindings(RULE, { acsStatus: 500 })).toEqual([]);
    const raw = postEntry('about:blank', 'SAMLResponse', b64(buildProtocolResponse()), { status: 403 });
    expect(analyze([raw]).findings.filter((f) => f.rule === RULE)).toEqual([]);
  });

  it('real fixture: an Okta Response the ACS refused', () => {
    expect(fixturePostFindings(RULE, 'okta/gosaml2-okta-response.xml', {}, { status: 403 })).toHaveLength(1);
  });
});
