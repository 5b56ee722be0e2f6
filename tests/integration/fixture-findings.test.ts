// Every real fixture through the whole engine, judged at its own IssueInstant (the fixtures are 2010–2024
// captures), with the protocol findings each must give. Only protocol rule ids are compared, so attribute and
// group rules can change without touching this table.
import { join } from 'node:path';
import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from '../../utils/analyze';
import { readMessageInput } from '../../utils/har/read-message-input';
import type { HarEntry } from '../../utils/har/types';
import { PROTOCOL_RULES } from '../../utils/rules/index';
import type { Finding } from '../../utils/rules/types';
import { fixtureText, fixtureXml, FIXTURES, postEntry, b64 } from '../support/har-builder';
import { fixturePost } from '../support/protocol-builder';

const PROTOCOL_IDS = new Set(PROTOCOL_RULES.map((r) => r.id));

interface Expected {
  /** `severity:rule` of every protocol finding, in the engine's order (worst first). */
  findings: string[];
  options?: AnalyzeOptions;
}

// prettier-ignore
const EXPECTED: Record<string, Expected> = {
  'adfs/gosaml2-adfs-response-encrypted.b64':   { findings: ['error:response-unsigned', 'info:encrypted-assertion'] },
  'adfs/gosaml2-adfs-response.b64':             { findings: ['warning:response-unsigned'] },
  'adfs/netsaml2-adfs-plain-groups.xml':        { findings: ['warning:response-unsigned'] },
  'adfs/rubysaml-adfs-response-sha1.xml':       { findings: ['warning:response-unsigned', 'warning:sha1-signature'] },
  'adfs/rubysaml-adfs-response-sha256.xml':     { findings: ['warning:response-unsigned'] },
  'adfs/saml2aws-adfs-assertion.xml':           { findings: ['warning:idp-initiated', 'warning:response-unsigned'] },
  'auth0/gosaml2-auth0-response.xml':           { findings: ['warning:sha1-signature'] },
  'entra/netsaml2-issue-49-response.xml':       { findings: ['warning:sha1-signature'] },
  'entra/saml2aws-aad-response.xml':            { findings: ['warning:idp-initiated', 'warning:response-unsigned'] },
  'google/crewjam-google-plaintext-response.b64': { findings: [] },
  'hostile/rubysaml-attack-xxe.xml':            { findings: ['error:xml-unsafe'] },
  'hostile/rubysaml-node-text-attack.b64':      { findings: ['warning:idp-initiated', 'warning:response-unsigned', 'warning:sha1-signature'] },
  'invalid/netsaml2-failed-status.xml':         { findings: ['error:status-not-success', 'warning:response-unsigned'] },
  'invalid/netsaml2-response-no-assertion.xml': { findings: ['error:status-not-success'] },
  'invalid/rubysaml-empty_destination.b64':     { findings: ['error:destination-mismatch', 'warning:sha1-signature'] },
  // ruby-saml's tests check it against the SP entity ID its sibling fixtures are issued for.
  'invalid/rubysaml-invalid_audience.b64':      { findings: ['error:audience-mismatch', 'warning:mixed-content-or-http', 'warning:sha1-signature'], options: { spEntityId: 'http://stuff.com/endpoints/metadata.php' } },
  'invalid/rubysaml-invalid_subjectconfirmation_noa.b64':       { findings: ['error:recipient-mismatch', 'error:confirmation-expired', 'warning:mixed-content-or-http', 'warning:sha1-signature'] },
  'invalid/rubysaml-invalid_subjectconfirmation_recipient.b64': { findings: ['error:recipient-mismatch', 'warning:mixed-content-or-http', 'warning:sha1-signature'] },
  'invalid/rubysaml-multiple_assertions.b64':   { findings: ['warning:idp-initiated', 'warning:response-unsigned', 'warning:sha1-signature'] },
  'invalid/rubysaml-no_nameid.b64':             { findings: ['error:unsigned', 'warning:mixed-content-or-http'] },
  'invalid/rubysaml-no_signature.b64':          { findings: ['error:unsigned'] },
  'invalid/rubysaml-signature_wrapping_attack.b64': { findings: ['error:unsigned'] },
  'invalid/rubysaml-status_code_responer_and_msg.b64': { findings: ['error:status-not-success'] },
  'okta/gosaml2-okta-response-encrypted.b64':   { findings: ['info:encrypted-assertion'] },
  'okta/gosaml2-okta-response.xml':             { findings: [] },
  'onelogin/crewjam-onelogin-response.b64':     { findings: ['warning:sha1-signature'] },
  'onelogin/gosaml2-olgn09-response-01.b64':    { findings: ['warning:sha1-signature'] },
  'onelogin/gosaml2-onelogin-response.xml':     { findings: ['warning:idp-initiated', 'warning:mixed-content-or-http', 'warning:response-unsigned', 'warning:sha1-signature'] },
  'onelogin/rubysaml-ampersands.b64':           { findings: ['warning:idp-initiated', 'warning:mixed-content-or-http', 'warning:response-unsigned', 'warning:sha1-signature'] },
  'onelogin/rubysaml-multiple-attribute-values.xml': { findings: ['warning:idp-initiated', 'warning:response-unsigned', 'warning:sha1-signature'] },
  'oracle/gosaml2-oam-response.xml':            { findings: ['warning:response-unsigned', 'warning:sha1-signature'] },
  'oracle/rubysaml-opensaml-response.xml':      { findings: ['warning:sha1-signature'] },
  'pingfed/gosaml2-pfed11-response-01.b64':     { findings: [] },
  'pingfed/saml2aws-pingfed-assertion.xml':     { findings: ['warning:idp-initiated', 'warning:response-unsigned'] },
  'requests/crewjam-authn-request.url':         { findings: ['warning:relaystate-too-long'] },
  'requests/crewjam-authn-request.xml':         { findings: [] },
  'requests/rubysaml-logout-request-deflated.b64': { findings: [] },
  'requests/rubysaml-logout-request.xml':       { findings: [] },
  'shibboleth/crewjam-testshib-response.xml':   { findings: ['error:response-unsigned', 'info:encrypted-assertion'] },
  'shibboleth/rubysaml-simplesamlphp-response.xml': { findings: ['warning:sha1-signature'] },
};

function fixturePaths(): string[] {
  const root = FIXTURES;
  return readdirSync(root)
    .filter((d) => statSync(join(root, d)).isDirectory() && d !== 'fuzz-regressions')
    .flatMap((d) => readdirSync(join(root, d)).map((f) => `${d}/${f}`))
    .sort();
}

/** Responses are delivered as the browser would (to their Destination); requests read as support staff paste them. */
function deliver(path: string): HarEntry[] {
  const raw = readMessageInput(fixtureText(path)).entries;
  return analyze(raw, { strict: true }).messages[0]?.kind === 'Response' ? fixturePost(path).entries : raw;
}

function protocolFindings(path: string, options: AnalyzeOptions = {}): Finding[] {
  const entries = deliver(path);
  const issueInstant = analyze(entries, { strict: true }).messages[0]?.issueInstant;
  return analyze(entries, { strict: true, ...(issueInstant ? { now: issueInstant } : {}), ...options }).findings.filter((f) => PROTOCOL_IDS.has(f.rule));
}

describe('real fixtures at their own IssueInstant: protocol findings', () => {
  it('the table lists every fixture (a new fixture needs its expected findings)', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(fixturePaths());
  });

  it.each(Object.entries(EXPECTED))('%s', (path, { findings, options }) => {
    const got = protocolFindings(path, options);
    expect(got.map((f) => `${f.severity}:${f.rule}`)).toEqual(findings);
    for (const f of got) {
      expect(f.message.length, f.rule).toBeGreaterThan(40);
      expect(f.fix?.generic, f.rule).toBeTruthy();
      expect(f.docs).toMatch(/^https:\/\//);
    }
  });

  it('fixtures outside invalid/ and hostile/ give no protocol error, except an unsigned Response around an encrypted assertion', () => {
    const clean = fixturePaths().filter((p) => !/^(invalid|hostile)\//.test(p));
    const errors = clean.flatMap((p) => protocolFindings(p).filter((f) => f.severity === 'error').map((f) => `${p}: ${f.rule}`));
    expect(errors).toEqual(['adfs/gosaml2-adfs-response-encrypted.b64: response-unsigned', 'shibboleth/crewjam-testshib-response.xml: response-unsigned']);
  });

  it('the invalid/ fixtures each show the fault their name gives', () => {
    const message = (path: string, rule: string, options?: AnalyzeOptions) => protocolFindings(path, options).find((f) => f.rule === rule)?.message ?? '';
    expect(message('invalid/rubysaml-invalid_audience.b64', 'audience-mismatch', EXPECTED['invalid/rubysaml-invalid_audience.b64']!.options)).toContain('"http://invalid.audience.com"');
    expect(message('invalid/rubysaml-empty_destination.b64', 'destination-mismatch')).toContain('Destination is empty');
    expect(message('invalid/rubysaml-no_signature.b64', 'unsigned')).toContain('Neither the Response nor its assertion');
    expect(message('invalid/rubysaml-status_code_responer_and_msg.b64', 'status-not-success')).toContain('Responder and the message "something_is_wrong"');
    expect(message('invalid/rubysaml-invalid_subjectconfirmation_recipient.b64', 'recipient-mismatch')).toContain('http://invalid.recipent.example.com');
    expect(message('invalid/rubysaml-invalid_subjectconfirmation_noa.b64', 'confirmation-expired')).toContain('NotOnOrAfter 2010-06-17T14:59:14Z');
    expect(message('invalid/rubysaml-signature_wrapping_attack.b64', 'unsigned')).toContain('signature-wrapping');
    expect(message('invalid/netsaml2-failed-status.xml', 'status-not-success')).toContain('"Authentication Failed"');
  });

  it('years later, the same Responses are expired (the time rules read the capture time, not the fixture)', () => {
    const entries = fixturePost('okta/gosaml2-okta-response.xml').entries;
    const ids = analyze(entries, { strict: true, now: '2026-01-01T00:00:00Z' }).findings.map((f) => f.rule);
    expect(ids).toContain('assertion-expired');
    expect(ids).not.toContain('confirmation-expired'); // one cause, one finding
  });
});

describe('real request and Response together', () => {
  const response = fixtureXml('shibboleth/crewjam-testshib-response.xml');
  const post = (url: string) => postEntry(url, 'SAMLResponse', b64(response), { time: '2015-12-01T01:56:22.000Z' });
  const requestAt = (path: string) => {
    const [entry] = readMessageInput(fixtureText(path)).entries;
    return { ...entry!, startedDateTime: '2015-12-01T01:56:15.000Z' };
  };

  it("crewjam's AuthnRequest and TestShib's answer make one SP-initiated sign-in with no flow error", () => {
    const { flows, findings } = analyze([requestAt('requests/crewjam-authn-request.url'), post('https://15661444.ngrok.io/saml2/acs')], { strict: true });
    expect(flows.filter((f) => f.kind === 'sign-in')).toHaveLength(1);
    expect(flows[0]).toMatchObject({ unsolicited: false });
    const ids = findings.map((f) => f.rule);
    for (const rule of ['idp-initiated', 'inresponseto-mismatch', 'acs-url-mismatch', 'destination-mismatch', 'audience-mismatch']) expect(ids).not.toContain(rule);
    expect(ids).toEqual(expect.arrayContaining(['relaystate-too-long', 'encrypted-assertion', 'response-unsigned']));
  });

  it('answered to another request of the same SP (http ACS): InResponseTo and ACS URL mismatches', () => {
    const { findings } = analyze([requestAt('requests/crewjam-authn-request.xml'), post('https://15661444.ngrok.io/saml2/acs')], { strict: true });
    const byRule = new Map(findings.map((f) => [f.rule, f]));
    expect(byRule.get('inresponseto-mismatch')?.message).toContain('InResponseTo "id-9e61753d64e928af5a7a341a97f420c9" does not match the AuthnRequest');
    expect(byRule.get('acs-url-mismatch')?.message).toContain('the scheme differs: http vs https');
  });
});
