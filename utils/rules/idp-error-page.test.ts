import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import type { HarEntry } from '../har/types';
import { deflateB64, plainEntry, redirectEntry } from '../../tests/support/har-builder';
import { buildAuthnRequest, IDP_SSO, signInEntries } from '../../tests/support/protocol-builder';

const RULE = 'idp-error-page';
const ENTRA_PAGE = '<html><script>$Config={"strServiceExceptionMessage":"AADSTS700016: Application with identifier \'https://sonarcloud.io\' was not found in the directory \'Acme\'."};</script></html>';

/** The AuthnRequest, answered by the IdP with its error page instead of a sign-in form. */
function answeredWithErrorPage(body: string, url = IDP_SSO): HarEntry[] {
  const request = redirectEntry(url, 'SAMLRequest', deflateB64(buildAuthnRequest()), { status: 200 });
  request.response.content = { mimeType: 'text/html', text: body };
  return [request];
}

describe(RULE, () => {
  it("Entra's AADSTS page answering the AuthnRequest", () => {
    const found = analyze(answeredWithErrorPage(ENTRA_PAGE)).findings.filter((f) => f.rule === RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', messageId: '_req-7f3a', evidence: { value: 'AADSTS700016', idp: 'Microsoft Entra ID' } });
    expect(found[0]!.message).toContain("Microsoft Entra ID answered with its error page AADSTS700016: \"Application with identifier 'https://sonarcloud.io' was not found in the directory 'Acme'.\"");
    expect(found[0]!.message).toContain('HTTP 200');
  });

  it('an error page on a hop of the sign-in, after the IdP login form', () => {
    const entries = signInEntries();
    const okta = plainEntry('https://acme.okta.com/login/step-up');
    okta.startedDateTime = '2024-01-01T10:00:00.500Z';
    okta.response = { status: 403, headers: [], content: { mimeType: 'text/html', text: "<h1>Sorry, you can't access SonarQube Cloud because you are not assigned this app in Okta.</h1>" } };
    const found = analyze([entries[0]!, okta, entries[1]!]).findings.filter((f) => f.rule === RULE);
    expect(found).toHaveLength(1);
    expect(found[0]!.evidence).toMatchObject({ idp: 'Okta', url: 'https://acme.okta.com/login/step-up' });
  });

  it('stays silent on a sign-in whose pages are ordinary', () => {
    const entries = signInEntries();
    const page = plainEntry('https://idp.example.com/login');
    page.response = { status: 200, headers: [], content: { mimeType: 'text/html', text: '<form>Sign in</form>' } };
    expect(analyze([entries[0]!, page, entries[1]!]).findings.filter((f) => f.rule === RULE)).toEqual([]);
  });
});
