import { describe, expect, it } from 'vitest';
import { analyze } from '../utils/analyze';
import { deflateB64, fixtureXml, plainEntry, redirectEntry } from '../tests/support/har-builder';
import { signInEntries } from '../tests/support/protocol-builder';
import { RULES } from '../utils/rules/index';
import { PLAIN, toTextReport } from './format-report';

describe('text report: the trace', () => {
  it("lists the sign-in's steps with their status, the error page code and where each redirect led", () => {
    const [request, response] = signInEntries({ acsStatus: 500 });
    const start = plainEntry('https://sp.example.com/login', { time: '2024-01-01T09:59:54.000Z' });
    start.response = { status: 302, headers: [{ name: 'Location', value: request!.request.url }] };
    const page = plainEntry('https://login.microsoftonline.com/tid/saml2', { time: '2024-01-01T09:59:56.000Z' });
    page.response = { status: 200, headers: [], content: { mimeType: 'text/html; charset=utf-8', text: 'AADSTS50105: not assigned' } };
    const text = toTextReport(analyze([start, request!, page, response!]), PLAIN);
    const trace = text.slice(text.indexOf('  trace\n')).split('\n').slice(1, 5);
    expect(trace).toEqual([
      `      +0.00 s  302  request  GET https://sp.example.com/login → ${request!.request.url}`,
      `      +1.00 s  302  AuthnRequest  GET ${request!.request.url}`,
      '      +2.00 s  200  text/html [AADSTS50105]  GET https://login.microsoftonline.com/tid/saml2',
      '      +8.00 s  500  Response  POST https://sp.example.com/acs',
    ]);
  });

  it('has no trace for a capture of the messages alone', () => {
    expect(toTextReport(analyze(signInEntries()), PLAIN)).not.toContain('trace');
  });
});

describe('text report: quiet messages', () => {
  it('says how many protocol checks a quiet message passed under the generic profile, counted per kind of message', () => {
    const logout = redirectEntry('https://idp.example.com/slo', 'SAMLRequest', deflateB64(fixtureXml('requests/rubysaml-logout-request.xml')), { time: '2024-01-01T11:00:00.000Z' });
    const entries = [...signInEntries(), ...signInEntries(), logout];
    const analysis = analyze(entries);
    const text = toTextReport(analysis, PLAIN);
    const expected = (kind: string) => RULES.filter((r) => r.protocols.includes('saml') && (r.appliesTo as readonly string[]).includes(kind) && !r.judges).length;
    const quiet = [...text.matchAll(/no problem in (\d+) protocol checks/g)].map((m) => Number(m[1]));
    const quietKinds = analysis.messages.filter((m) => !analysis.findings.some((f) => f.messageKey === m.key)).map((m) => m.kind);
    expect(new Set(quietKinds)).toEqual(new Set(['AuthnRequest', 'LogoutRequest']));
    expect(quiet).toEqual(quietKinds.map(expected));
  });
});
