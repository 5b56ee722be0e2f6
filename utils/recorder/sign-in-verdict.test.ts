import { describe, expect, it } from 'vitest';
import { b64, deflateB64, fixtureXml, postEntry, redirectEntry } from '../../tests/support/har-builder';
import { signInEntries, RSA_SHA1, SHA1 } from '../../tests/support/protocol-builder';
import { analyze } from '../analyze';
import { judgeSignIn, signInVerdict } from './sign-in-verdict';
import { signInWindow } from './sign-in-window';

const ACS = 'https://sonarcloud.io/oauth2/callback/saml';
// Entra ID response without an e-mail claim, sent to SonarQube Cloud: errors and a warning.
const entraResponse = (time = '2025-03-01T10:00:05.000Z') => postEntry(ACS, 'SAMLResponse', b64(fixtureXml('entra/netsaml2-issue-49-response.xml')), { time, status: 302 });
// ADFS response with groups: only a note.
const adfsResponse = (time = '2025-03-01T10:05:00.000Z') => postEntry(ACS, 'SAMLResponse', b64(fixtureXml('adfs/netsaml2-adfs-plain-groups.xml')), { time, status: 302 });
const authnRequest = redirectEntry('https://login.microsoftonline.com/tenant/saml2', 'SAMLRequest', deflateB64(fixtureXml('requests/crewjam-authn-request.xml')), {
  time: '2025-03-01T10:00:00.000Z',
});

describe('sign-in verdict', () => {
  it('takes the worst severity of the sign-in and its first error, with the ACS host', () => {
    // Audience wrong (error), SHA-1 and an unsigned Response (warnings).
    const entries = signInEntries({ response: { assertion: { audiences: ['https://wrong.example.com'], signature: { method: RSA_SHA1, digest: SHA1 } } } });
    const verdict = signInVerdict(entries);
    const { findings, flows } = analyze(entries);
    expect(findings.map((f) => f.severity)).toEqual(expect.arrayContaining(['error', 'warning']));
    const firstError = findings.find((f) => f.severity === 'error')!;
    expect(firstError.rule).toBe('audience-mismatch');
    expect(verdict).toEqual({
      worst: 'error',
      topFinding: { rule: 'audience-mismatch', severity: 'error', message: firstError.message },
      at: entries.at(-1)!.startedDateTime,
      flows: flows.filter((f) => f.kind === 'sign-in').length,
      host: 'sp.example.com',
      // Each rule once, errors first: the troubleshooter finds its causes in them.
      rules: [
        { id: 'audience-mismatch', severity: 'error' },
        { id: 'response-unsigned', severity: 'warning' },
        { id: 'sha1-signature', severity: 'warning' },
      ],
      // The generic profile judged it (sp.example.com is no known service), and skipped the service's checks.
      protocol: 'saml',
      judgedAs: { profile: 'generic', label: 'Generic SAML SP', reason: flows[0]!.reason!.detail },
      skipped: flows[0]!.skipped,
    });
    expect(verdict!.skipped!.map((s) => s.rule)).toContain('email-attribute-missing');
  });

  it('judges the latest sign-in only, and names no top finding when there are only notes', () => {
    const failed = signInEntries({ response: { assertion: { audiences: ['https://wrong.example.com'] } } });
    // Signed Response with an encrypted assertion: the engine can only note that it cannot read it.
    const later = signInEntries({ response: { id: '_resp-2', signature: {}, assertion: 'encrypted' }, capturedAt: '2024-01-01T10:05:00.000Z' });
    expect(analyze(later).findings.map((f) => f.severity)).toEqual(['info']);
    const verdict = signInVerdict([...failed, later.at(-1)!]);
    expect(verdict).toMatchObject({ worst: 'info', flows: 2, host: 'sp.example.com', at: '2024-01-01T10:05:00.000Z' });
    expect(verdict?.topFinding).toBeUndefined();
  });

  it('gives no verdict for an exchange that completes no sign-in', () => {
    expect(signInVerdict([authnRequest])).toBeUndefined();
    expect(signInVerdict([])).toBeUndefined();
    // The Response is not the latest entry: the latest is the request of a new sign-in.
    expect(signInVerdict([entraResponse(), authnRequest])).toBeUndefined();
    expect(judgeSignIn({ entries: [authnRequest], flows: 0 })).toBeUndefined();
  });

  it("judges the recorder's bounded window of a full capture group, counting all its sign-ins", () => {
    const minute = 60_000;
    const start = Date.parse('2025-03-01T08:00:00.000Z');
    const group = Array.from({ length: 500 }, (_, i) => (i % 2 ? entraResponse : adfsResponse)(new Date(start + i * minute).toISOString()));
    const verdict = judgeSignIn(signInWindow(group)!);
    // Only the pairing window is analyzed: the same verdict as the last sign-in alone, but all 500 counted.
    expect(verdict).toEqual({ ...signInVerdict(group.slice(-1)), flows: 500 });
    expect(verdict?.worst).toBe('error');
  });
});
