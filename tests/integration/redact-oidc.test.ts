// OpenID Connect sign-ins (code, implicit, form_post, errors, token calls) redacted: the tokens, codes, states,
// nonces and personal claims go, and the redacted HAR analyzes to the same rule ids (state and nonce pairs
// line up because the same value gets the same placeholder).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../utils/analyze';
import type { HarEntry } from '../../utils/har/types';
import { readCapture } from '../../utils/har/read-capture';
import { redactHar } from '../../utils/redact/redact-har';
import { har } from '../support/har-builder';
import { CODE, NONCE, STATE, oidcSignIn, type OidcSignInSpec } from '../support/oidc-builder';

// Each sign-in with the rule ids its original gives: the redacted copy must give the same.
const SPECS: Record<string, [OidcSignInSpec, string[]]> = {
  'code flow': [{}, []],
  'code flow with PKCE plain and a browser token call': [{ pkce: 'plain', tokenCall: true }, ['oidc-pkce-missing']],
  'token call with a client secret': [{ tokenCall: { clientSecret: true } }, []],
  'implicit id_token in the fragment': [{ responseType: 'id_token', responseMode: 'fragment' }, ['oidc-token-in-url']],
  'hybrid by form_post': [{ responseType: 'code id_token', responseMode: 'form_post' }, []],
  'state not returned': [{ responseState: null }, ['oidc-state-mismatch']],
  'state mismatch': [{ responseState: 'st-other-9d9d' }, ['oidc-state-mismatch']],
  'no nonce': [{ nonce: null, responseType: 'id_token', responseMode: 'fragment' }, ['oidc-nonce-mismatch', 'oidc-token-in-url']],
  'provider error at the redirect URI': [{ error: { error: 'access_denied', description: 'AADSTS50105: The signed in user is not assigned to a role for the application.', codes: [50105] } }, ['oidc-idp-error']],
  'claims with e-mail, groups and an expired token': [{ responseType: 'id_token', responseMode: 'fragment', claims: { email: 'jane.doe@corp.example', groups: ['Developers'], exp: 1 } }, ['oidc-id-token-expired', 'oidc-token-in-url']],
};

/** The OIDC part of the analysis: its messages, flows and rules (the SAML rules have nothing to say here). */
function analyzeOidc(entries: HarEntry[]) {
  const all = analyze(entries, { strict: true });
  return {
    messages: all.messages.filter((m) => m.protocol === 'oidc'),
    flows: all.flows.filter((f) => f.protocol === 'oidc'),
    findings: all.findings.filter((f) => f.rule.startsWith('oidc-')),
  };
}

describe('redacting OIDC sign-ins', () => {
  it.each(Object.entries(SPECS))('%s: same rule ids, no token left', async (_name, [spec, rules]) => {
    const entries = await oidcSignIn(spec);
    const before = analyzeOidc(entries);
    expect(before.findings.map((f) => f.rule)).toEqual(rules);
    const { har: out } = redactHar(JSON.parse(har(entries)));
    const text = JSON.stringify(out);
    const after = analyzeOidc(readCapture(text).entries);
    expect(after.findings.map((f) => `${f.severity}:${f.rule}`)).toEqual(before.findings.map((f) => `${f.severity}:${f.rule}`));
    expect(after.flows.length).toBe(before.flows.length);
    expect(before.messages.length, 'the sign-in reads as OIDC').toBeGreaterThan(0);
    expect(after.messages.map((m) => m.kind)).toEqual(before.messages.map((m) => m.kind));
    for (const secret of [CODE, STATE, NONCE, 'jane.doe']) expect(text, secret).not.toContain(secret);
  });
});
