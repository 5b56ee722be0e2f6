import { describe, expect, it } from 'vitest';
import { oidcFindings } from '../../tests/support/oidc-builder';

const RULE = 'oidc-idp-error';

describe(RULE, () => {
  it('explains an AADSTS code at the redirect URI with its fix and quotes the provider', async () => {
    const [f] = await oidcFindings(RULE, { error: { error: 'invalid_request', description: "AADSTS700016: Application with identifier 'x' was not found in the directory 'Contoso'.", codes: [700016] } });
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { code: 'AADSTS700016', path: 'query/error_description' } });
    expect(f!.message).toContain('UnauthorizedClient_DoesNotMatchRequest');
    expect(f!.message).toContain("was not found in the directory 'Contoso'");
    expect(f!.fix!.entra).toContain('Application (client) ID');
  });

  it("gives AADSTS50105 the same fix as the SAML rule entra-not-assigned", async () => {
    const [f] = await oidcFindings(RULE, { responseMode: 'form_post', error: { error: 'access_denied', description: 'AADSTS50105: Your administrator has configured the application to block users unless they are specifically granted access.' } });
    expect(f!.fix!.entra).toContain('Users and groups');
    expect(f!.message).toContain('AADSTS50105');
  });

  it("reads Entra ID's error page after the authorization request", async () => {
    const [f] = await oidcFindings(RULE, { errorPage: '<div>AADSTS50011: The redirect URI &#39;https://app.example.com/x&#39; specified in the request does not match.</div><div>Correlation ID: 99990000-aaaa-bbbb-cccc-ddddeeeeffff</div>' });
    expect(f!.message).toContain("Entra ID's error page refused the sign-in with AADSTS50011 (InvalidReplyTo)");
    expect(f!.message).toContain('Correlation ID 99990000-aaaa-bbbb-cccc-ddddeeeeffff');
  });

  it('reports a token endpoint error from a browser token call, and plain OAuth errors without AADSTS', async () => {
    const [token] = await oidcFindings(RULE, { tokenCall: { error: { error: 'invalid_request', description: 'AADSTS9002326: Cross-origin token redemption is permitted only for the Single-Page Application client-type.', codes: [9002326] } } });
    expect(token!.message).toMatch(/^the token endpoint refused the sign-in with AADSTS9002326/);
    expect(token!.fix!.generic).toContain('Single-page application');
    const [plain] = await oidcFindings(RULE, { error: { error: 'login_required' } });
    expect(plain!.message).toContain('"login_required" (the user must sign in (prompt=none found no session))');
  });

  it('stays silent for a successful sign-in', async () => {
    expect(await oidcFindings(RULE, { tokenCall: true })).toEqual([]);
  });
});
