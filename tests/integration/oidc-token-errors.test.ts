// A single-page app's token call refused by the provider (fetch/XHR POST to the token endpoint), in each way it
// reaches SSO Lens: a HAR with the provider's JSON error body (as Entra ID and Okta write it), a HAR whose writer
// kept the body as base64, a HAR saved without bodies, and the background recorder, which never sees bodies.
import { describe, expect, it } from 'vitest';
import { PLAIN, toJsonReport, toTextReport } from '../../cli/format-report';
import { analyze } from '../../utils/analyze';
import type { HarEntry } from '../../utils/har/types';
import { WebRequestToHar } from '../../utils/recorder/webrequest-to-har';
import type { Finding } from '../../utils/rules/types';
import { CLIENT_ID, CODE, oidcSignIn, REDIRECT, TOKEN } from '../support/oidc-builder';

const RULE = 'oidc-idp-error';

// Entra ID's v2.0 token endpoint answer to a code redeemed too late (its description breaks lines with CRLF).
const ENTRA_70008 = JSON.stringify({
  error: 'invalid_grant',
  error_description:
    'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.\r\nTrace ID: 0000aaaa-11bb-cccc-dd22-eeeeee333333\r\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\r\nTimestamp: 2024-01-01 10:00:05Z',
  error_codes: [70008],
  timestamp: '2024-01-01 10:00:05Z',
  trace_id: '0000aaaa-11bb-cccc-dd22-eeeeee333333',
  correlation_id: 'aaaa0000-bb11-2222-33cc-444444dddddd',
  error_uri: 'https://login.microsoftonline.com/error?code=70008',
});
// Okta's custom authorization server, a code already redeemed or expired.
const OKTA_TOKEN = 'https://dev-123456.okta.com/oauth2/default/v1/token';
const OKTA_INVALID_GRANT = '{"error":"invalid_grant","error_description":"The authorization code is invalid or has expired."}';

async function tokenFindings(answer: { status: number; text?: string; mime?: string; encoding?: 'base64' }, endpoint?: string): Promise<Finding[]> {
  return analyze(await oidcSignIn({ tokenCall: { answer, endpoint } }), { strict: true }).findings.filter((f) => f.rule === RULE);
}

describe('a refused token call in a HAR with its body', () => {
  it("explains Entra ID's AADSTS70008 with its IDs", async () => {
    const [f, more] = await tokenFindings({ status: 400, text: ENTRA_70008 });
    expect(more).toBeUndefined();
    expect(f!.message).toMatch(/^the token endpoint refused the sign-in with AADSTS70008 \(ExpiredOrRevokedGrant\)/);
    expect(f!.message).toContain('Correlation ID aaaa0000-bb11-2222-33cc-444444dddddd');
    expect(f!.evidence).toMatchObject({ path: 'json/error_description', code: 'AADSTS70008' });
  });

  it("explains Okta's invalid_grant and quotes it", async () => {
    const [f] = await tokenFindings({ status: 400, text: OKTA_INVALID_GRANT }, OKTA_TOKEN);
    expect(f!.message).toBe(
      'the token endpoint answered "invalid_grant" (the code or refresh token is invalid, expired, already used, or was issued for another redirect URI or client). Provider text: "The authorization code is invalid or has expired.".',
    );
  });

  it('reads a body the HAR writer kept as base64 like the same body as text', async () => {
    const plain = await tokenFindings({ status: 400, text: ENTRA_70008 });
    const base64 = await tokenFindings({ status: 400, text: Buffer.from(ENTRA_70008).toString('base64'), encoding: 'base64' });
    expect(base64.map((f) => f.message)).toEqual(plain.map((f) => f.message));
  });

  it('joins the error to the sign-in of the token call, as its token response', async () => {
    const analysis = analyze(await oidcSignIn({ tokenCall: { answer: { status: 400, text: OKTA_INVALID_GRANT }, endpoint: OKTA_TOKEN } }));
    expect(analysis.flows).toHaveLength(1);
    expect(analysis.flows[0]).toMatchObject({ kind: 'sign-in', tokenResponseKey: '2:oidc:ErrorResponse' });
    const json = toJsonReport(analysis, ['capture.har']);
    expect(json.messages.find((m) => m.key === '2:oidc:ErrorResponse')).toMatchObject({ error: { error: 'invalid_grant', description: 'The authorization code is invalid or has expired.', aadsts: [] } });
  });
});

describe('a refused token call whose body is not there to read', () => {
  it('says the endpoint answered 400 and that its body was not captured, with where to read it', async () => {
    const [f, more] = await tokenFindings({ status: 400 });
    expect(more).toBeUndefined();
    expect(f).toMatchObject({ severity: 'error', evidence: { path: 'token endpoint response', value: 'HTTP 400' } });
    expect(f!.message).toMatch(/^the token endpoint answered HTTP 400 to the browser's token call: the tokens were refused, and its body, where the provider names the error .* was not captured/);
    expect(f!.fix!.generic).toContain('DevTools');
    expect(f!.fix!.entra).toContain('Single-page application');
    // The report's facts say it too, not an empty error.
    const analysis = analyze(await oidcSignIn({ tokenCall: { answer: { status: 400 } } }));
    const message = toJsonReport(analysis, ['capture.har']).messages.find((m) => m.key === '2:oidc:ErrorResponse');
    expect(message).toMatchObject({ httpStatus: 400, error: { error: '', bodyMissing: 'absent' } });
    expect(toTextReport(analysis, PLAIN)).toMatch(/ {4}error +HTTP 400, body not captured\n/);
  });

  it("says so when the body is the gateway's HTML page, not an OAuth error", async () => {
    const [f] = await tokenFindings({ status: 502, text: '<html><body><h1>502 Bad Gateway</h1></body></html>', mime: 'text/html' });
    expect(f!.message).toContain('answered HTTP 502');
    expect(f!.message).toContain('its body is not an OAuth error');
  });

  it('stays silent for a successful token call saved without its body', async () => {
    expect(await tokenFindings({ status: 200 })).toEqual([]);
  });
});

describe('a refused token call seen by the background recorder (webRequest gives no response bodies)', () => {
  it('is recorded and reported with its status, and says its body could not be read', async () => {
    // The authorization request and the code's arrival, as any capture has them.
    const [authorize, callback] = await oidcSignIn();
    const recorder = new WebRequestToHar();
    const t0 = Date.parse(callback!.startedDateTime) + 1000;
    const body = new URLSearchParams({ client_id: CLIENT_ID, grant_type: 'authorization_code', code: CODE, redirect_uri: REDIRECT, code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk' }).toString();
    const followed = recorder.beforeRequest({ requestId: '9', tabId: 3, url: TOKEN, method: 'POST', timeStamp: t0, type: 'xmlhttprequest', requestBody: { raw: [{ bytes: new TextEncoder().encode(body).buffer as ArrayBuffer }] } });
    expect(followed).toBe(true);
    const recorded = recorder.completed({
      requestId: '9',
      tabId: 3,
      url: TOKEN,
      method: 'POST',
      timeStamp: t0 + 180,
      statusCode: 400,
      statusLine: 'HTTP/1.1 400 Bad Request',
      responseHeaders: [{ name: 'Content-Type', value: 'application/json; charset=utf-8' }],
    });
    const entries: HarEntry[] = [authorize!, callback!, recorded!.entry];
    const findings = analyze(entries, { strict: true }).findings.filter((f) => f.rule === RULE);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^the token endpoint answered HTTP 400 .* was not captured \(the background recorder cannot read bodies/);
  });
});
