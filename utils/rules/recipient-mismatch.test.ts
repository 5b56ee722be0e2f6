import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { readMessageInput } from '../har/read-message-input';
import { fixtureText } from '../../tests/support/har-builder';
import { ACS, flowFindings, fixturePostFindings } from '../../tests/support/protocol-builder';

const RULE = 'recipient-mismatch';

describe(RULE, () => {
  it('fires when the bearer Recipient is another URL than the one the Response was posted to', () => {
    const [f] = flowFindings(RULE, { response: { assertion: { confirmations: [{ recipient: 'http://sp.example.com/acs' }] } } });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { value: 'http://sp.example.com/acs', postedTo: ACS } });
    expect(f!.evidence?.path).toBe('Response/Assertion/Subject/SubjectConfirmation/SubjectConfirmationData/@Recipient');
    expect(f!.message).toBe(`The assertion's bearer Recipient is http://sp.example.com/acs but the Response was posted to ${ACS} (the scheme differs: http vs https).`);
  });

  it('stays silent when one bearer confirmation matches, without Recipient, and for raw input', () => {
    expect(flowFindings(RULE)).toEqual([]);
    expect(flowFindings(RULE, { response: { assertion: { confirmations: [{ recipient: 'https://old.example.com/acs' }, {}] } } })).toEqual([]);
    expect(flowFindings(RULE, { response: { assertion: { confirmations: [{ recipient: null }] } } })).toEqual([]);
    const raw = readMessageInput(fixtureText('invalid/rubysaml-invalid_subjectconfirmation_recipient.b64'));
    expect(analyze(raw.entries).findings.filter((x) => x.rule === RULE)).toEqual([]);
  });

  it('real fixtures: ruby-saml wrong Recipient fires when posted to its Destination; ADFS stays silent', () => {
    const [f] = fixturePostFindings(RULE, 'invalid/rubysaml-invalid_subjectconfirmation_recipient.b64');
    expect(f?.message).toContain('bearer Recipient is http://invalid.recipent.example.com but the Response was posted to http://stuff.com/endpoints/endpoints/acs.php');
    expect(fixturePostFindings(RULE, 'adfs/gosaml2-adfs-response.b64')).toEqual([]);
  });
});
