// Every real fixture through the whole engine, judged at its own IssueInstant when read raw (the fixtures are
// 2010–2024 captures) and at its capture time when delivered in a HAR, with every finding each must give.
import { join } from 'node:path';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalyzeOptions } from '../../utils/analyze';
import { analyzeSaml as analyze } from '../support/saml-analysis';
import { readMessageInput } from '../../utils/har/read-message-input';
import type { Finding } from '../../utils/rules/types';
import { fixtureText, fixtureXml, FIXTURES, postEntry, b64 } from '../support/har-builder';
import { fixturePost } from '../support/protocol-builder';

interface Expected {
  /** `severity:rule` of every finding under each profile, in the engine's order (worst first), read raw. */
  generic: string[];
  sonar: string[];
  /**
   * What changes when the Response is delivered in a HAR, POSTed to its Destination (or bearer Recipient) at its
   * IssueInstant: the URL it reached is then known, so Destination and Recipient are compared with it.
   */
  delivered?: { adds: string[]; drops: string[] };
  options?: AnalyzeOptions;
}

// Every message of the public fixture collection (tests/fixtures/saml/SOURCES.md), read as support staff paste it
// (raw file: no capture time, so judged at its own IssueInstant) and as the browser delivers it (a HAR entry),
// under the generic profile and under SonarQube Cloud's.
// prettier-ignore
const EXPECTED: Record<string, Expected> = {
  'adfs/gosaml2-adfs-response-encrypted.b64': { generic: ['error:response-unsigned', 'info:encrypted-assertion'], sonar: ['error:response-unsigned', 'info:encrypted-assertion'] },
  'adfs/gosaml2-adfs-response.b64': { generic: ['warning:response-unsigned'], sonar: ['error:email-attribute-missing', 'error:login-attribute-missing', 'error:groups-missing', 'warning:response-unsigned'] },
  'adfs/netsaml2-adfs-plain-groups.xml': { generic: ['warning:response-unsigned'], sonar: ['warning:response-unsigned', 'info:jit-membership-reset'] },
  'adfs/rubysaml-adfs-response-sha1.xml': { generic: ['warning:response-unsigned', 'warning:sha1-signature'], sonar: ['error:email-attribute-missing', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:response-unsigned', 'warning:sha1-signature'] },
  'adfs/rubysaml-adfs-response-sha256.xml': { generic: ['warning:response-unsigned'], sonar: ['error:email-attribute-missing', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:response-unsigned'] },
  'adfs/saml2aws-adfs-assertion-no-destination.xml': { generic: ['warning:idp-initiated', 'warning:response-unsigned'], sonar: ['error:idp-initiated', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:response-unsigned'] },
  'adfs/saml2aws-adfs-assertion.xml': { generic: ['warning:idp-initiated', 'warning:response-unsigned'], sonar: ['error:idp-initiated', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:response-unsigned'] },
  'auth0/gosaml2-auth0-response.xml': { generic: ['warning:sha1-signature'], sonar: ['error:groups-missing', 'warning:sha1-signature'] },
  'entra/netsaml2-issue-49-response.xml': { generic: ['warning:sha1-signature'], sonar: ['error:email-attribute-missing', 'error:groups-missing', 'warning:sha1-signature'] },
  'entra/saml2aws-aad-response.xml': { generic: ['warning:idp-initiated', 'warning:response-unsigned'], sonar: ['error:idp-initiated', 'error:groups-missing', 'warning:response-unsigned'] },
  'google/crewjam-google-plaintext-response.b64': { generic: [], sonar: ['error:email-attribute-missing', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing'] },
  'hostile/rubysaml-attack-xxe.xml': { generic: ['error:xml-unsafe'], sonar: ['error:xml-unsafe'] },
  'hostile/rubysaml-node-text-attack.b64': { generic: ['warning:idp-initiated', 'warning:response-unsigned', 'warning:sha1-signature'], sonar: ['error:idp-initiated', 'error:email-attribute-missing', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:response-unsigned', 'warning:sha1-signature'] },
  'invalid/gosaml2-olgn09-wrong-audience.b64': { generic: ['error:audience-mismatch', 'warning:sha1-signature'], sonar: ['error:audience-mismatch', 'error:email-attribute-missing', 'error:login-attribute-missing', 'error:name-attribute-missing', 'warning:sha1-signature', 'info:jit-membership-reset'], options: {"spEntityId":"https://saml.sp.nope/session/sso/saml/spentityid/rq5jwkvb8z"} },
  'invalid/gosaml2-olgn09-wrong-destination.b64': { generic: ['error:destination-mismatch', 'warning:sha1-signature'], sonar: ['error:destination-mismatch', 'error:email-attribute-missing', 'error:login-attribute-missing', 'error:name-attribute-missing', 'warning:sha1-signature', 'info:jit-membership-reset'], delivered: { adds: ['error:recipient-mismatch'], drops: ['error:destination-mismatch'] } },
  'invalid/netsaml2-failed-status.xml': { generic: ['error:status-not-success', 'warning:response-unsigned'], sonar: ['error:status-not-success', 'warning:response-unsigned'] },
  'invalid/netsaml2-response-no-assertion.xml': { generic: ['error:status-not-success'], sonar: ['error:status-not-success'] },
  'invalid/python3saml-duplicated-attributes.b64': { generic: ['warning:sha1-signature'], sonar: ['error:groups-missing', 'warning:sha1-signature'] },
  'invalid/python3saml-empty-nameid.b64': { generic: ['warning:sha1-signature'], sonar: ['error:groups-missing', 'warning:sha1-signature'] },
  'invalid/python3saml-logout-response-responder-deflated.b64': { generic: ['error:status-not-success'], sonar: ['error:status-not-success'] },
  'invalid/python3saml-no-status.b64': { generic: ['error:status-not-success', 'error:destination-mismatch', 'warning:idp-initiated', 'warning:sha1-signature'], sonar: ['error:status-not-success', 'error:idp-initiated', 'error:destination-mismatch', 'error:email-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:sha1-signature'], delivered: { adds: ['error:recipient-mismatch'], drops: ['error:destination-mismatch'] } },
  'invalid/python3saml-not-before-in-future.b64': { generic: ['error:status-not-success', 'error:not-yet-valid', 'warning:sha1-signature'], sonar: ['error:status-not-success', 'error:not-yet-valid', 'error:groups-missing', 'warning:sha1-signature'] },
  'invalid/python3saml-subjectconfirmation-inresponseto-mismatch.b64': { generic: ['error:inresponseto-mismatch', 'error:unsigned'], sonar: ['error:inresponseto-mismatch', 'error:unsigned', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing'], delivered: { adds: ['warning:mixed-content-or-http'], drops: [] } },
  'invalid/python3saml-wrong-response-issuer.b64': { generic: ['error:unsigned'], sonar: ['error:unsigned', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing'], delivered: { adds: ['warning:mixed-content-or-http'], drops: [] } },
  'invalid/python3saml-wrong-spnamequalifier.b64': { generic: ['warning:sha1-signature'], sonar: ['error:groups-missing', 'warning:sha1-signature'] },
  'invalid/rubysaml-empty_destination.b64': { generic: ['error:destination-mismatch', 'warning:sha1-signature'], sonar: ['error:destination-mismatch', 'error:groups-missing', 'warning:sha1-signature'] },
  'invalid/rubysaml-invalid_audience.b64': { generic: ['error:audience-mismatch', 'warning:sha1-signature'], sonar: ['error:audience-mismatch', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:sha1-signature'], delivered: { adds: ['warning:mixed-content-or-http'], drops: [] }, options: {"spEntityId":"http://stuff.com/endpoints/metadata.php"} },
  'invalid/rubysaml-invalid_subjectconfirmation_noa.b64': { generic: ['error:destination-mismatch', 'error:confirmation-expired', 'warning:sha1-signature'], sonar: ['error:destination-mismatch', 'error:confirmation-expired', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:sha1-signature'], delivered: { adds: ['error:recipient-mismatch', 'warning:mixed-content-or-http'], drops: ['error:destination-mismatch'] } },
  'invalid/rubysaml-invalid_subjectconfirmation_recipient.b64': { generic: ['error:destination-mismatch', 'warning:sha1-signature'], sonar: ['error:destination-mismatch', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:sha1-signature'], delivered: { adds: ['error:recipient-mismatch', 'warning:mixed-content-or-http'], drops: ['error:destination-mismatch'] } },
  'invalid/rubysaml-multiple_assertions.b64': { generic: ['error:signature-wrapping', 'warning:idp-initiated', 'warning:response-unsigned', 'warning:sha1-signature'], sonar: ['error:idp-initiated', 'error:signature-wrapping', 'error:email-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:response-unsigned', 'warning:sha1-signature'] },
  'invalid/rubysaml-no_nameid.b64': { generic: ['error:unsigned'], sonar: ['error:unsigned', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing'], delivered: { adds: ['warning:mixed-content-or-http'], drops: [] } },
  'invalid/rubysaml-no_signature.b64': { generic: ['error:unsigned'], sonar: ['error:unsigned', 'error:email-attribute-missing', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing'] },
  'invalid/rubysaml-signature_wrapping_attack.b64': { generic: ['error:signature-wrapping', 'error:unsigned'], sonar: ['error:signature-wrapping', 'error:unsigned', 'error:groups-missing'] },
  'invalid/rubysaml-status_code_responer_and_msg.b64': { generic: ['error:status-not-success'], sonar: ['error:status-not-success'] },
  'invalid/saml2aws-adfs-invalid-notonorafter-date.xml': { generic: ['warning:idp-initiated', 'warning:response-unsigned'], sonar: ['error:idp-initiated', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:response-unsigned'] },
  'okta/crewjam-okta-signed-response-encrypted-assertion.b64': { generic: ['info:encrypted-assertion'], sonar: ['info:encrypted-assertion'] },
  'okta/gosaml2-okta-response-encrypted.b64': { generic: ['info:encrypted-assertion'], sonar: ['info:encrypted-assertion'] },
  'okta/gosaml2-okta-response.xml': { generic: [], sonar: ['error:name-attribute-missing', 'warning:okta-group-filter'] },
  'onelogin/crewjam-onelogin-response.b64': { generic: ['warning:sha1-signature'], sonar: ['error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:sha1-signature'] },
  'onelogin/gosaml2-olgn09-response-01.b64': { generic: ['warning:sha1-signature'], sonar: ['error:email-attribute-missing', 'error:login-attribute-missing', 'error:name-attribute-missing', 'warning:sha1-signature', 'info:jit-membership-reset'] },
  'onelogin/gosaml2-olgn09-response-03-signed-assertion.b64': { generic: ['warning:response-unsigned', 'warning:sha1-signature'], sonar: ['error:email-attribute-missing', 'error:login-attribute-missing', 'error:name-attribute-missing', 'warning:response-unsigned', 'warning:sha1-signature', 'info:jit-membership-reset'] },
  'onelogin/gosaml2-olgn09-response-06-encrypted.b64': { generic: ['error:response-unsigned', 'info:encrypted-assertion'], sonar: ['error:response-unsigned', 'info:encrypted-assertion'] },
  'onelogin/gosaml2-onelogin-response.xml': { generic: ['warning:idp-initiated', 'warning:response-unsigned', 'warning:sha1-signature'], sonar: ['error:idp-initiated', 'error:email-attribute-missing', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:response-unsigned', 'warning:sha1-signature'], delivered: { adds: ['warning:mixed-content-or-http'], drops: [] } },
  'onelogin/rubysaml-multiple-attribute-values.xml': { generic: ['warning:idp-initiated', 'warning:response-unsigned', 'warning:sha1-signature'], sonar: ['error:idp-initiated', 'error:email-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:response-unsigned', 'warning:sha1-signature'] },
  'oracle/gosaml2-oam-response.xml': { generic: ['warning:response-unsigned', 'warning:sha1-signature'], sonar: ['error:email-attribute-missing', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:response-unsigned', 'warning:sha1-signature'] },
  'oracle/rubysaml-opensaml-response.xml': { generic: ['warning:sha1-signature'], sonar: ['error:email-attribute-missing', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:sha1-signature'] },
  'pingfed/gosaml2-pfed11-response-01.b64': { generic: [], sonar: ['error:email-attribute-missing', 'error:login-attribute-missing', 'error:name-attribute-missing', 'warning:groups-comma-joined', 'info:jit-membership-reset'] },
  'pingfed/gosaml2-pfed11-response-03-no-destination.b64': { generic: ['warning:response-unsigned'], sonar: ['error:email-attribute-missing', 'error:login-attribute-missing', 'error:name-attribute-missing', 'warning:response-unsigned', 'warning:groups-comma-joined', 'info:jit-membership-reset'] },
  'pingfed/rubysaml-pfdemo-ampersands.b64': { generic: ['warning:idp-initiated', 'warning:response-unsigned', 'warning:sha1-signature'], sonar: ['error:idp-initiated', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:response-unsigned', 'warning:sha1-signature'], delivered: { adds: ['warning:mixed-content-or-http'], drops: [] } },
  'pingfed/saml2aws-pingfed-assertion.xml': { generic: ['warning:idp-initiated', 'warning:response-unsigned'], sonar: ['error:idp-initiated', 'error:groups-missing', 'warning:response-unsigned'] },
  'requests/crewjam-authn-request-post-signed.xml': { generic: ['warning:sha1-signature'], sonar: ['warning:sha1-signature'] },
  'requests/crewjam-authn-request-redirect-signed.query': { generic: ['warning:sha1-signature'], sonar: ['warning:sha1-signature'] },
  'requests/crewjam-authn-request.url': { generic: ['warning:relaystate-too-long'], sonar: ['warning:relaystate-too-long'] },
  'requests/crewjam-authn-request.xml': { generic: [], sonar: [] },
  'requests/crewjam-logout-request.xml': { generic: [], sonar: [] },
  'requests/python3saml-authn-request.b64': { generic: [], sonar: [] },
  'requests/python3saml-authn-request.xml': { generic: [], sonar: [] },
  'requests/python3saml-logout-response-deflated.b64': { generic: [], sonar: [] },
  'requests/python3saml-logout-response.xml': { generic: [], sonar: [] },
  'requests/rubysaml-logout-request-deflated.b64': { generic: [], sonar: [] },
  'requests/rubysaml-logout-request.xml': { generic: [], sonar: [] },
  'secureworks/crewjam-secureworks-signed-assertion.xml': { generic: ['error:bearer-confirmation-invalid', 'warning:response-unsigned', 'warning:sha1-signature'], sonar: ['error:bearer-confirmation-invalid', 'error:email-attribute-missing', 'error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:response-unsigned', 'warning:sha1-signature'] },
  'shibboleth/crewjam-testshib-response.xml': { generic: ['error:response-unsigned', 'info:encrypted-assertion'], sonar: ['error:response-unsigned', 'info:encrypted-assertion'] },
  'simplesamlphp/python3saml-double-signed-response.b64': { generic: ['warning:sha1-signature'], sonar: ['error:groups-missing', 'warning:sha1-signature'] },
  'simplesamlphp/python3saml-signed-message-response.b64': { generic: ['warning:sha1-signature'], sonar: ['error:groups-missing', 'warning:sha1-signature'] },
  'simplesamlphp/python3saml-unsigned-response.b64': { generic: ['error:unsigned'], sonar: ['error:unsigned', 'error:groups-missing'] },
  'simplesamlphp/rubysaml-simplesamlphp-response.xml': { generic: ['warning:sha1-signature'], sonar: ['error:login-attribute-missing', 'error:name-attribute-missing', 'error:groups-missing', 'warning:sha1-signature'] },
};

function fixturePaths(): string[] {
  const root = FIXTURES;
  return readdirSync(root)
    .filter((d) => statSync(join(root, d)).isDirectory())
    .flatMap((d) => readdirSync(join(root, d)).map((f) => `${d}/${f}`))
    .sort();
}

const ids = (findings: readonly Finding[]) => findings.map((f) => `${f.severity}:${f.rule}`);
/** The raw file as the command line reads it: bytes. */
const rawEntries = (path: string) => readMessageInput(readFileSync(join(FIXTURES, path))).entries;
const PROFILES = [
  ['generic', 'generic'],
  ['sonarqube-cloud', 'sonar'],
] as const;

describe('every public fixture: expected findings, raw and delivered, under both profiles', () => {
  it('the table lists every fixture (a new fixture needs its expected findings)', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(fixturePaths());
    expect(fixturePaths()).toHaveLength(67);
  });

  describe.each(PROFILES)('profile %s', (profile, column) => {
    it.each(Object.entries(EXPECTED))('%s, raw', (path, expected) => {
      const analysis = analyze(rawEntries(path), { ...expected.options, strict: true, profile });
      expect(ids(analysis.findings)).toEqual(expected[column]);
      for (const f of analysis.findings) {
        expect(f.message.length, f.rule).toBeGreaterThan(40);
        if (f.severity !== 'info') expect(f.fix?.generic, f.rule).toBeTruthy();
        expect(f.docs).toMatch(/^https:\/\//);
      }
      // No capture time: judged at the message's own IssueInstant whenever it has a readable one.
      const message = analysis.messages[0];
      if (message?.issueInstant && !Number.isNaN(Date.parse(message.issueInstant))) expect(message.judgedAt?.source).toBe('issue-instant');
    });

    it.each(Object.entries(EXPECTED).filter(([path]) => analyze(rawEntries(path)).messages[0]?.kind === 'Response'))('%s, delivered in a HAR', (path, expected) => {
      const analysis = analyze(fixturePost(path).entries, { ...expected.options, strict: true, profile });
      const { adds, drops } = expected.delivered ?? { adds: [], drops: [] };
      const want = [...expected[column].filter((x) => !drops.includes(x)), ...adds];
      expect(ids(analysis.findings).sort()).toEqual(want.sort());
      expect(analysis.messages[0]!.judgedAt?.source).toBe('capture');
    });
  });

  it('raw XML files are read as bytes: a HAR of the same text and the bytes give the same messages', () => {
    for (const path of fixturePaths().filter((p) => p.endsWith('.xml'))) {
      const fromBytes = analyze(rawEntries(path)).messages.map((m) => m.xml?.trim());
      const fromText = analyze(readMessageInput(fixtureText(path)).entries).messages.map((m) => m.xml?.trim());
      expect(fromBytes, path).toEqual(fromText);
    }
  });

  it('the years-old fixtures are not reported expired: the real fault shows instead', () => {
    const expired = Object.entries(EXPECTED).filter(([, e]) => [...e.generic, ...e.sonar].some((x) => x.endsWith(':assertion-expired')));
    expect(expired).toEqual([]);
    expect(EXPECTED['invalid/gosaml2-olgn09-wrong-audience.b64']!.generic).toContain('error:audience-mismatch');
    expect(EXPECTED['invalid/gosaml2-olgn09-wrong-destination.b64']!.generic).toContain('error:destination-mismatch');
  });

  it('the invalid/ fixtures each show the fault their name gives', () => {
    const message = (path: string, rule: string) =>
      analyze(rawEntries(path), EXPECTED[path]!.options).findings.find((f) => f.rule === rule)?.message ?? '';
    expect(message('invalid/rubysaml-invalid_audience.b64', 'audience-mismatch')).toContain('"http://invalid.audience.com"');
    expect(message('invalid/gosaml2-olgn09-wrong-audience.b64', 'audience-mismatch')).toContain('spentityid/incorrect');
    expect(message('invalid/rubysaml-empty_destination.b64', 'destination-mismatch')).toContain('Destination is empty');
    expect(message('invalid/rubysaml-no_signature.b64', 'unsigned')).toContain('Neither the Response nor its assertion');
    expect(message('invalid/rubysaml-status_code_responer_and_msg.b64', 'status-not-success')).toContain('Responder and the message "something_is_wrong"');
    expect(message('invalid/rubysaml-invalid_subjectconfirmation_noa.b64', 'confirmation-expired')).toContain('NotOnOrAfter 2010-06-17T14:59:14Z');
    expect(message('invalid/rubysaml-signature_wrapping_attack.b64', 'signature-wrapping')).toContain('Two elements carry the ID');
    expect(message('invalid/netsaml2-failed-status.xml', 'status-not-success')).toContain('"Authentication Failed"');
    expect(message('invalid/python3saml-not-before-in-future.b64', 'not-yet-valid')).toContain('the IdP dates the assertion ahead');
    expect(message('invalid/python3saml-logout-response-responder-deflated.b64', 'status-not-success')).toContain('sign-out');
    expect(message('invalid/python3saml-subjectconfirmation-inresponseto-mismatch.b64', 'inresponseto-mismatch')).toBeTruthy();
  });

  it('years later, the same Responses are expired (the time rules read the capture time, not the fixture)', () => {
    const entries = fixturePost('okta/gosaml2-okta-response.xml').entries;
    const got = analyze(entries, { now: '2026-01-01T00:00:00Z' });
    expect(got.findings.map((f) => f.rule)).toContain('assertion-expired');
    expect(got.findings.map((f) => f.rule)).not.toContain('confirmation-expired'); // one cause, one finding
    expect(got.messages[0]!.judgedAt).toEqual({ instant: '2026-01-01T00:00:00Z', source: 'option' });
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
