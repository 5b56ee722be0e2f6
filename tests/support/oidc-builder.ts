// Builds OpenID Connect sign-ins as browsers capture them, with ID tokens signed at test time (jose), shaped like
// Microsoft Entra ID's v2.0 tokens (claims from Microsoft's ID token claims reference). The defaults make a clean
// authorization-code + PKCE sign-in; every protocol detail a rule checks can be changed.
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import type { HarEntry, HarNameValue } from '../../utils/har/types';
import { analyze, type AnalyzeOptions } from '../../utils/analyze';
import type { Finding } from '../../utils/rules/types';

export const TENANT = 'aaaabbbb-0000-cccc-1111-dddd2222eeee';
export const CLIENT_ID = '6cb04018-a3f5-46a7-b995-940c78f5aef3';
export const AUTHORITY = `https://login.microsoftonline.com/${TENANT}`;
export const AUTHORIZE = `${AUTHORITY}/oauth2/v2.0/authorize`;
export const TOKEN = `${AUTHORITY}/oauth2/v2.0/token`;
export const ISSUER = `${AUTHORITY}/v2.0`;
export const REDIRECT = 'https://app.example.com/signin-oidc';
export const STATE = 'st-8f2c1e';
export const NONCE = 'n-0S6_WzA2Mj';
export const CODE = '0.AXkA-code-value';
/** When the authorization request leaves; the response lands 4 s later. */
export const T0 = '2024-01-01T10:00:00.000Z';
const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();
const epoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);

let keys: Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> | undefined;

/** A JWT signed with a key pair made for this test run. */
export async function signJwt(payload: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  keys ??= generateKeyPair('RS256');
  const { privateKey } = await keys;
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'test-key-1', ...header }).sign(privateKey);
}

/** The JWKS the provider would publish for signJwt's key (kid test-key-1). */
export async function signingJwks(): Promise<{ keys: Array<Record<string, unknown>> }> {
  keys ??= generateKeyPair('RS256');
  const { publicKey } = await keys;
  return { keys: [{ ...(await exportJWK(publicKey)), kid: 'test-key-1', use: 'sig', alg: 'RS256' }] };
}

/** An Entra ID v2.0 ID token's claims (Microsoft's reference sample, with this test's tenant, client and times). */
export function entraIdTokenClaims(issuedAt = plus(T0, 3)): Record<string, unknown> {
  return {
    aud: CLIENT_ID,
    iss: ISSUER,
    iat: epoch(issuedAt),
    nbf: epoch(issuedAt),
    exp: epoch(issuedAt) + 3600,
    aio: 'AUQAu/8IAAAAtAVq4CnKBdr2Rl7Bn8bkGnO4SExNB6NQ2PpCtkYXEEXhWuw',
    email: 'abe.lincoln@contoso.com',
    name: 'Abe Lincoln',
    nonce: NONCE,
    oid: '00000000-0000-0000-66f3-3332eca7ea81',
    preferred_username: 'abeli@contoso.com',
    rh: '0.AXkAb5vVV3zr-0yvLgz1FdQ4aY9Mq_Hi0RFLs9gnMLLt1VR5AAA.',
    sub: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ',
    tid: TENANT,
    uti: 'Dh0sXPrDDkWC8EChPmKEAA',
    ver: '2.0',
  };
}

export interface OidcSignInSpec {
  /** Default 'code'. */
  responseType?: string;
  /** How the answer travels; default query for code, fragment for tokens. */
  responseMode?: 'query' | 'fragment' | 'form_post';
  /** null: no state sent. */
  state?: string | null;
  /** What the response carries back (default: the request's). null: none. */
  responseState?: string | null;
  /** null: no nonce sent. */
  nonce?: string | null;
  /** null: no PKCE. */
  pkce?: 'S256' | 'plain' | 'plain-implicit' | null;
  redirectUri?: string;
  /** Where the response lands, when not the redirect URI. */
  landAt?: string;
  /** Claims over the Entra-shaped defaults; undefined values remove a claim. */
  claims?: Record<string, unknown>;
  /** The provider refuses at the redirect URI. */
  error?: { error: string; description?: string; codes?: number[] };
  /** The provider answers the authorization request with this HTML page instead of redirecting. */
  errorPage?: string;
  /** The browser redeems the code itself (a single-page app); default false. */
  tokenCall?:
    | boolean
    | {
        clientSecret?: boolean;
        redirectUri?: string;
        error?: { error: string; description: string; codes: number[] };
        /** The token endpoint's answer exactly as captured (a provider's own error body, or none at all). */
        answer?: { status: number; text?: string; mime?: string; encoding?: 'base64' };
        /** The token endpoint, when not Entra ID's. */
        endpoint?: string;
      };
  /** The answer arrives this many seconds after the request (default 4). */
  delaySeconds?: number;
}

function entry(method: string, url: string, o: { status?: number; time?: string; location?: string; form?: HarNameValue[]; body?: string; responseText?: string; mime?: string } = {}): HarEntry {
  const e: HarEntry = {
    startedDateTime: o.time ?? T0,
    request: { method, url, headers: [] },
    response: { status: o.status ?? 200, headers: o.location ? [{ name: 'Location', value: o.location }] : [] },
  };
  if (o.form) {
    const text = encode(o.form);
    e.request.postData = { mimeType: 'application/x-www-form-urlencoded', text, params: o.form.map(({ name, value }) => ({ name, value: encodeURIComponent(value) })) };
  }
  if (o.responseText !== undefined) e.response.content = { size: o.responseText.length, mimeType: o.mime ?? 'text/html', text: o.responseText };
  return e;
}

const encode = (fields: HarNameValue[]) => fields.map(({ name, value }) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');

/** A whole sign-in's exchanges, in capture order. */
export async function oidcSignIn(spec: OidcSignInSpec = {}): Promise<HarEntry[]> {
  const responseType = spec.responseType ?? 'code';
  const mode = spec.responseMode ?? (responseType === 'code' ? 'query' : 'fragment');
  const redirect = spec.redirectUri ?? REDIRECT;
  const state = spec.state === undefined ? STATE : spec.state;
  const nonce = spec.nonce === undefined ? NONCE : spec.nonce;
  const pkce = spec.pkce === undefined ? 'S256' : spec.pkce;
  const answeredAt = plus(T0, spec.delaySeconds ?? 4);

  const q: HarNameValue[] = [
    { name: 'client_id', value: CLIENT_ID },
    { name: 'response_type', value: responseType },
    { name: 'redirect_uri', value: redirect },
    { name: 'scope', value: 'openid profile email' },
  ];
  if (mode !== 'query' || responseType !== 'code') q.push({ name: 'response_mode', value: mode });
  if (state !== null) q.push({ name: 'state', value: state });
  if (nonce !== null) q.push({ name: 'nonce', value: nonce });
  if (pkce === 'S256') q.push({ name: 'code_challenge', value: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' }, { name: 'code_challenge_method', value: 'S256' });
  else if (pkce === 'plain') q.push({ name: 'code_challenge', value: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk' }, { name: 'code_challenge_method', value: 'plain' });
  else if (pkce === 'plain-implicit') q.push({ name: 'code_challenge', value: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk' });
  const authorizeUrl = `${AUTHORIZE}?${encode(q)}`;

  if (spec.errorPage !== undefined) return [entry('GET', authorizeUrl, { responseText: spec.errorPage })];

  const answer: HarNameValue[] = [];
  const responseState = spec.responseState === undefined ? state : spec.responseState;
  const claims: Record<string, unknown> = { ...entraIdTokenClaims(plus(answeredAt, -1)), ...(nonce === null ? { nonce: undefined } : {}), ...spec.claims };
  for (const k of Object.keys(claims)) if (claims[k] === undefined) delete claims[k];
  const idToken = await signJwt(claims);
  if (spec.error) {
    answer.push({ name: 'error', value: spec.error.error });
    if (spec.error.description) answer.push({ name: 'error_description', value: spec.error.description });
    if (spec.error.codes) answer.push({ name: 'error_codes', value: JSON.stringify(spec.error.codes) });
  } else {
    if (/\bcode\b/.test(responseType)) answer.push({ name: 'code', value: CODE });
    if (/\bid_token\b/.test(responseType)) answer.push({ name: 'id_token', value: idToken });
    if (/\btoken\b/.test(responseType)) answer.push({ name: 'access_token', value: await signJwt({ aud: 'https://graph.microsoft.com', iss: `https://sts.windows.net/${TENANT}/`, scp: 'User.Read' }) }, { name: 'token_type', value: 'Bearer' });
  }
  if (responseState !== null) answer.push({ name: 'state', value: responseState });
  answer.push({ name: 'session_state', value: 'a1d6e7a5-0000-4c1c-9c31-1a0c6b0c2f11' });
  const land = spec.landAt ?? redirect;

  const out: HarEntry[] = [];
  if (mode === 'query') {
    const to = `${land}?${encode(answer)}`;
    out.push(entry('GET', authorizeUrl, { status: 302, location: to }), entry('GET', to, { status: 302, time: answeredAt }));
  } else if (mode === 'fragment') {
    const to = `${land}#${encode(answer)}`;
    out.push(entry('GET', authorizeUrl, { status: 302, location: to }), entry('GET', land, { time: answeredAt }));
  } else {
    out.push(entry('GET', authorizeUrl, { responseText: '<html><body onload="document.forms[0].submit()"><form method="POST"></form></body></html>' }));
    out.push(entry('POST', land, { status: 302, time: answeredAt, form: answer }));
  }

  if (spec.tokenCall && !spec.error) {
    const t = spec.tokenCall === true ? {} : spec.tokenCall;
    const form: HarNameValue[] = [
      { name: 'client_id', value: CLIENT_ID },
      { name: 'grant_type', value: 'authorization_code' },
      { name: 'code', value: CODE },
      { name: 'redirect_uri', value: t.redirectUri ?? redirect },
    ];
    if (pkce) form.push({ name: 'code_verifier', value: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk' });
    if (t.clientSecret) form.push({ name: 'client_secret', value: 'not-a-real-secret' });
    const body = t.error
      ? { error: t.error.error, error_description: t.error.description, error_codes: t.error.codes, trace_id: '0000aaaa-11bb-cccc-dd22-eeeeee333333', correlation_id: 'aaaa0000-bb11-2222-33cc-444444dddddd' }
      : { token_type: 'Bearer', scope: 'openid profile email', expires_in: 3599, access_token: await signJwt({ aud: '00000003-0000-0000-c000-000000000000', scp: 'openid profile email' }), refresh_token: 'not-a-real-refresh-token', id_token: idToken };
    if (t.answer) {
      const e = entry('POST', t.endpoint ?? TOKEN, { status: t.answer.status, time: plus(answeredAt, 1), form });
      if (t.answer.text !== undefined) e.response.content = { size: t.answer.text.length, mimeType: t.answer.mime ?? 'application/json; charset=utf-8', text: t.answer.text, ...(t.answer.encoding ? { encoding: t.answer.encoding } : {}) };
      out.push(e);
    } else out.push(entry('POST', t.endpoint ?? TOKEN, { status: t.error ? 400 : 200, time: plus(answeredAt, 1), form, responseText: JSON.stringify(body), mime: 'application/json' }));
  }
  return out;
}

/** The findings of one rule for a built sign-in. */
export async function oidcFindings(rule: string, spec: OidcSignInSpec = {}, options: AnalyzeOptions = {}): Promise<Finding[]> {
  return analyze(await oidcSignIn(spec), { strict: true, ...options }).findings.filter((f) => f.rule === rule);
}
