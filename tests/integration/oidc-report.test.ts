// Entra-shaped OpenID Connect sign-ins, one per rule, through the engine and the CLI's JSON report: each broken
// variant gives exactly its rule ids, and a clean sign-in none.
import { describe, expect, it } from 'vitest';
import { toJsonReport, toTextReport, PLAIN } from '../../cli/format-report';
import { analyze, type AnalyzeOptions } from '../../utils/analyze';
import { oidcSignIn, T0, type OidcSignInSpec } from '../support/oidc-builder';

const at = (seconds: number) => Math.floor(Date.parse(T0) / 1000) + seconds;
const DVLS = 'https://acme.devolutions.app/signin-oidc';

const CASES: Array<{ name: string; spec: OidcSignInSpec; options?: AnalyzeOptions; rules: string[] }> = [
  { name: 'clean code + PKCE sign-in of a single-page app', spec: { tokenCall: true }, rules: [] },
  { name: 'clean form_post ID token sign-in to Devolutions Cloud', spec: { responseType: 'id_token', responseMode: 'form_post', redirectUri: DVLS }, rules: [] },
  { name: 'user not assigned', spec: { error: { error: 'access_denied', description: 'AADSTS50105: The signed in user is not assigned to a role for the application.' } }, rules: ['oidc-idp-error'] },
  { name: 'state changed', spec: { responseState: 'other' }, rules: ['oidc-state-mismatch'] },
  { name: 'replayed ID token', spec: { responseType: 'id_token', responseMode: 'form_post', claims: { nonce: 'old' } }, rules: ['oidc-nonce-mismatch'] },
  { name: 'no PKCE', spec: { pkce: null }, rules: ['oidc-pkce-missing'] },
  { name: 'lands elsewhere', spec: { landAt: 'https://app.example.com/elsewhere' }, rules: ['oidc-redirect-uri-mismatch'] },
  { name: 'implicit flow', spec: { responseType: 'id_token token' }, rules: ['oidc-token-in-url'] },
  { name: 'expired token', spec: { tokenCall: true, claims: { iat: at(-7200), nbf: at(-7200), exp: at(-3600) } }, rules: ['oidc-id-token-expired'] },
  { name: 'another client', spec: { tokenCall: true, claims: { aud: 'api://someone-else' } }, rules: ['oidc-audience-mismatch'] },
  { name: 'group overage for SonarQube Cloud', spec: { tokenCall: true, claims: { _claim_names: { groups: 'src1' }, _claim_sources: { src1: { endpoint: 'https://graph.microsoft.com/v1.0/users/x/getMemberObjects' } } } }, options: { profile: 'sonarqube-cloud' }, rules: ['oidc-group-overage'] },
  { name: 'no email for Devolutions Cloud', spec: { responseType: 'id_token', responseMode: 'form_post', redirectUri: DVLS, claims: { email: undefined } }, rules: ['oidc-email-claim-missing'] },
];

describe('OIDC sign-ins in the CLI report', () => {
  it.each(CASES)('$name → $rules', async ({ spec, options, rules }) => {
    const analysis = analyze(await oidcSignIn(spec), { strict: true, ...options });
    const json = JSON.parse(JSON.stringify(toJsonReport(analysis, ['capture.har']))) as ReturnType<typeof toJsonReport>;
    expect([...new Set(json.findings.map((f) => f.rule))].sort()).toEqual(rules);
    expect(json.flows).toHaveLength(1);
    expect(json.flows[0]).toMatchObject({ protocol: 'oidc', kind: 'sign-in' });
    expect(json.messages.every((m) => 'protocol' in m && m.protocol === 'oidc')).toBe(true);
  });

  it('names the profile that judged a Devolutions Cloud flow and prints OIDC facts as text', async () => {
    const analysis = analyze(await oidcSignIn({ responseType: 'id_token', responseMode: 'form_post', redirectUri: DVLS }));
    expect(analysis.flows[0]).toMatchObject({ profile: 'devolutions-cloud', reason: { by: 'service-host' } });
    const text = toTextReport(analysis, PLAIN);
    expect(text).toContain('(OpenID Connect)');
    expect(text).toContain('client_id');
    expect(text).toContain('audience');
    expect(text).not.toContain('eyJ');
  });
});
