import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { b64, postEntry } from '../../tests/support/har-builder';
import { ACS, buildProtocolResponse, fixturePostFindings, flowFindings, signInEntries } from '../../tests/support/protocol-builder';

const RULE = 'acs-error-status';

describe(RULE, () => {
  it('a 500 from the ACS: the service failed, send its support the redacted HAR', () => {
    const [f] = flowFindings(RULE, { acsStatus: 500 });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { value: '500', postedTo: ACS } });
    expect(f!.message).toBe(`The ACS answered HTTP 500 to the Response posted to ${ACS}: the service failed while processing the Response (a server error).`);
    expect(f!.fix?.generic).toContain('redacted HAR');
  });

  it('a 404: no ACS at that URL, copy the ACS URL into the IdP', () => {
    const [f] = flowFindings(RULE, { acsStatus: 404 });
    expect(f!.message).toContain('no Assertion Consumer Service listens at that URL');
    expect(f!.fix?.entra).toContain('Reply URL');
  });

  it('reads a status written as a string, as some HAR writers do', () => {
    const entries = signInEntries();
    (entries[1]!.response as { status: unknown }).status = '502';
    expect(analyze(entries).findings.filter((f) => f.rule === RULE)).toHaveLength(1);
  });

  it('leaves 403 to acs-forbidden, and stays silent for success, redirects and synthetic input', () => {
    expect(flowFindings(RULE, { acsStatus: 403 })).toEqual([]);
    expect(flowFindings(RULE, { acsStatus: 302 })).toEqual([]);
    expect(flowFindings(RULE, { acsStatus: 200 })).toEqual([]);
    const raw = postEntry('about:blank', 'SAMLResponse', b64(buildProtocolResponse()), { status: 500 });
    expect(analyze([raw]).findings.filter((f) => f.rule === RULE)).toEqual([]);
  });

  it('real fixture: an Okta Response the ACS answered 500', () => {
    expect(fixturePostFindings(RULE, 'okta/gosaml2-okta-response.xml', {}, { status: 500 })).toHaveLength(1);
  });
});
