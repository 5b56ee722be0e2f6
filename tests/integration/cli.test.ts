import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli';
import { b64, deflateB64, fixtureXml, har, plainEntry, postEntry, redirectEntry } from '../support/har-builder';
import { buildResponse, ENTRA_ISSUER, OKTA_ISSUER, SONAR_ACS } from '../support/response-builder';
import { ruleById } from '../../utils/rules/index';

const dir = mkdtempSync(join(tmpdir(), 'sso-lens-cli-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const AUTHN = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_15f66d2d-628b-4d9b-a99e-089d8da862e1" Version="2.0" IssueInstant="2016-07-25T23:15:00Z" AssertionConsumerServiceURL="http://localhost:8080/v1/_saml_callback"><saml:Issuer>"123"</saml:Issuer></samlp:AuthnRequest>`;
// An SP-initiated Okta sign-in rebuilt from a real Okta Response (captured during its validity window).
const okta = har([
  plainEntry('http://localhost:8080/login', { time: '2016-07-25T23:14:59.000Z' }),
  redirectEntry('https://dev.okta.example/app/sso/saml', 'SAMLRequest', deflateB64(AUTHN), { time: '2016-07-25T23:15:00.000Z' }),
  postEntry('http://localhost:8080/v1/_saml_callback', 'SAMLResponse', b64(fixtureXml('okta/gosaml2-okta-response.xml')), { time: '2016-07-25T23:15:20.000Z', status: 302 }),
  postEntry('https://other.example/form', 'SAMLResponse', 'bm90IHNhbWw=', { time: '2016-07-25T23:16:00.000Z' }),
]);
const io = { color: false };

describe('npm run analyze', () => {
  it('--json lists messages and findings by stable rule id, exit 1 on an error finding', async () => {
    const r = await runCli(['--json', file('okta.har', okta)], io);
    const out = JSON.parse(r.stdout);
    expect(out.messages.map((m: { kind: string; binding: string; id: string | null; issuer: string | null }) => [m.kind, m.binding, m.id, m.issuer])).toEqual([
      ['AuthnRequest', 'redirect', '_15f66d2d-628b-4d9b-a99e-089d8da862e1', '"123"'],
      ['Response', 'post', 'id12433943337943699538801121', 'http://www.okta.com/exk659aytfMeNI49v0h7'],
      ['Unknown', 'post', null, null],
    ]);
    expect(out.flows[0]).toMatchObject({ kind: 'sign-in', acsStatus: 302, unsolicited: false });
    const decodeFailed = out.findings.find((f: { rule: string }) => f.rule === 'decode-failed');
    expect(decodeFailed).toMatchObject({ severity: 'error', messageId: null, messageKey: '3:SAMLResponse' });
    expect(decodeFailed.message).toMatch(/not SAML/);
    expect(r.code).toBe(1);
  });

  it('prints a readable report per flow without color when not asked', async () => {
    const r = await runCli([file('okta2.har', okta)], io);
    expect(r.stdout).toContain('Sign-in flow-1');
    expect(r.stdout).toContain('NameID        russellhaering');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it("prints each fix in the issuing IdP's own terms", async () => {
    const fix = ruleById('email-attribute-missing')!.fix!;
    const report = async (issuer: string) => {
      const xml = buildResponse({ issuer, attributes: { login: ['jdoe'], name: ['Jane Doe'] } });
      const text = har([postEntry(SONAR_ACS, 'SAMLResponse', b64(xml), { time: '2024-01-01T00:00:30.000Z', status: 302 })]);
      return (await runCli([file(`fix-${issuer.length}.har`, text)], io)).stdout;
    };
    expect(fix.entra && fix.okta).toBeTruthy();
    const firstLine = (s: string) => s.split('\n')[0]!;
    expect(await report(OKTA_ISSUER)).toContain(firstLine(fix.okta!));
    expect(await report(OKTA_ISSUER)).not.toContain(firstLine(fix.entra!));
    expect(await report(ENTRA_ISSUER)).toContain(firstLine(fix.entra!));
    expect(await report('https://idp.example.com/metadata')).toContain(firstLine(fix.generic));
  });

  it('exits 0 when there is no error finding', async () => {
    const r = await runCli(['--json', file('req.xml', AUTHN)], io);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).messages[0].kind).toBe('AuthnRequest');
  });

  it('exits 2 with a one-line reason for bad arguments or unreadable files', async () => {
    for (const args of [[], ['--profile', 'nope', 'x'], ['--now', 'yesterday', 'x'], [join(dir, 'missing.har')], ['--bogus', 'x'], [file('bad.json', '{"nope":1}')], ['--groups', join(dir, 'missing.txt'), file('ok.xml', AUTHN)]]) {
      const r = await runCli(args, io);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^sso-lens: /);
      expect(r.stdout).toBe('');
    }
  });

  it('parses --groups files (plain text and the API JSON)', async () => {
    expect((await runCli(['--groups', file('g.txt', 'developers\nadmins\n'), file('ok2.xml', AUTHN)], io)).code).toBe(0);
    const api = JSON.stringify({ paging: { pageIndex: 1, pageSize: 100, total: 1 }, groups: [{ id: 1, name: 'Members', default: true, membersCount: 3 }] });
    expect((await runCli(['--groups', file('g.json', api), file('ok3.xml', AUTHN)], io)).code).toBe(0);
  });

  it('colours the text report only when asked (a terminal without NO_COLOR, and no --no-color)', async () => {
    const path = file('colour.har', okta);
    expect((await runCli([path], { color: true })).stdout).toContain('\x1b[31merror');
    expect((await runCli(['--no-color', path], { color: true })).stdout).not.toContain('\x1b[');
  });
});

describe('npm run analyze on real-world input', async () => {
  const bytesIo = { color: false };

  it('says at what instant each message was judged and why', async () => {
    const pasted = (await runCli([file('okta.xml', fixtureXml('okta/gosaml2-okta-response.xml'))], bytesIo)).stdout;
    expect(pasted).toContain("Judged at     2016-07-25T23:20:14.859Z (the message's own IssueInstant: it carries no capture time)");
    expect((await runCli([file('okta3.har', okta)], bytesIo)).stdout).toContain('Judged at     2016-07-25T23:15:20Z (when the exchange was captured)');
    expect((await runCli(['--now', '2020-01-01T00:00:00Z', file('okta4.har', okta)], bytesIo)).stdout).toContain('Judged at     2020-01-01T00:00:00Z (the --now time)');
    const json = JSON.parse((await runCli(['--json', file('okta5.xml', fixtureXml('okta/gosaml2-okta-response.xml'))], bytesIo)).stdout);
    expect(json.messages[0].judgedAt).toEqual({ instant: '2016-07-25T23:20:14.859Z', source: 'issue-instant' });
  });

  it('reads a raw XML file in the encoding it declares (ISO-8859-2)', async () => {
    const xml = fixtureXml('okta/gosaml2-okta-response.xml').replace('encoding="UTF-8"', 'encoding="ISO-8859-2"').replace('russellhaering', 'Łukasz');
    const [before, after] = xml.split('Łukasz') as [string, string];
    const p = join(dir, 'latin2.xml');
    writeFileSync(p, Buffer.concat([Buffer.from(before, 'latin1'), Buffer.from([0xa3]), Buffer.from('ukasz'), Buffer.from(after, 'latin1')]));
    const out = JSON.parse((await runCli(['--json', p], bytesIo)).stdout);
    expect(out.findings.map((f: { rule: string }) => f.rule)).not.toContain('decode-failed');
    expect((await runCli([p], bytesIo)).stdout).toContain('NameID        Łukasz');
  });

  it('a HAR with fields of the wrong type (params with name: null) is analyzed, not a crash', async () => {
    const doc = JSON.parse(okta);
    doc.log.entries[2].request.postData.params.unshift({ name: null, value: null });
    doc.log.entries[1].request.headers = null;
    const r = (await runCli(['--json', file('nulls.har', JSON.stringify(doc))], bytesIo));
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).messages.map((m: { kind: string }) => m.kind)).toEqual(['AuthnRequest', 'Response', 'Unknown']);
  });

  it('names a SAML 1.1 Response and a WS-Federation result rather than reporting them clean', async () => {
    const saml11 = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:1.0:protocol" MajorVersion="1" MinorVersion="1" ResponseID="_r" IssueInstant="2012-03-01T10:00:00Z"><samlp:Status><samlp:StatusCode Value="samlp:Success"/></samlp:Status></samlp:Response>`;
    const r = (await runCli([file('saml11.xml', saml11)], bytesIo));
    expect(r.stdout).toContain('Saml11Response');
    expect(r.stdout).toContain('SAML 1.1 Response: recognised, not judged');
    expect(r.code).toBe(0);
  });
});
