// Plants random secrets at random places of a HAR built from real fixtures (a SAML sign-in and logout, an
// OAuth callback, a login form, JSON calls), and lists everything a reader of a HAR could see: the strings as
// written and percent-decoded, every SAML message decoded, every JWT decoded.
import fc from 'fast-check';
import type { HarEntry } from '../../utils/har/types';
import { decodeSamlValue } from '../../utils/saml/decode';
import { b64 as encode, deflateB64 as deflate, fixtureXml, postEntry, redirectEntry } from './har-builder';

// Most HARs share their messages: encoded once, so that 10,000 runs stay quick.
const encoded = new Map<string, string>();
const memo = (fn: (xml: string) => string, tag: string) => (xml: string) => {
  const key = tag + xml;
  let v = encoded.get(key);
  if (v === undefined) {
    if (encoded.size > 500) encoded.clear();
    v = fn(xml);
    encoded.set(key, v);
  }
  return v;
};
const b64 = memo(encode, 'b');
const deflateB64 = memo(deflate, 'd');

const RESPONSES = ['oracle/gosaml2-oam-response.xml', 'adfs/netsaml2-adfs-plain-groups.xml'].map(fixtureXml);
const LOGOUT = fixtureXml('requests/rubysaml-logout-request.xml');
const ACS = 'https://sp.example.com/saml/acs';
const IDP = 'https://idp.example.com/saml/slo';

type Encoding = 'plain' | 'pct40' | 'pct2540' | 'entity' | 'hexentity' | 'json' | 'uri';
const ENCODINGS: Encoding[] = ['plain', 'pct40', 'pct2540', 'entity', 'hexentity', 'json', 'uri'];

export interface Secret {
  /** Random letters and digits: the part that must not be found anywhere, in any encoding. */
  core: string;
  kind: 'email' | 'jwt' | 'token' | 'cookie' | 'header' | 'nameid' | 'attribute' | 'session-index' | 'status' | 'relay' | 'form' | 'json' | 'certificate';
  /** Where it goes: an index into the places of its kind. */
  place: number;
  encoding: Encoding;
  /** A non-ASCII local part for e-mails. */
  wide: boolean;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
// Letters and a digit at both ends: token-shaped, and never a substring of the base HAR by chance.
const core = fc.array(fc.constantFrom(...ALNUM), { minLength: 10, maxLength: 24 }).map((a) => `Q${a.join('')}7x`);
export const secret: fc.Arbitrary<Secret> = fc.record({
  core,
  kind: fc.constantFrom('email', 'jwt', 'token', 'cookie', 'header', 'nameid', 'attribute', 'session-index', 'status', 'relay', 'form', 'json', 'certificate'),
  place: fc.nat(40),
  encoding: fc.constantFrom(...ENCODINGS),
  wide: fc.boolean(),
});

function email(s: Secret): string {
  const local = `${s.wide ? 'jörg.' : ''}${s.core}+sso`;
  const domain = 'corp-mail.example';
  switch (s.encoding) {
    case 'plain':
      return `${local}@${domain}`;
    case 'pct40':
      return `${encodeURIComponent(local)}%40${domain}`;
    case 'pct2540':
      return `${encodeURIComponent(encodeURIComponent(local))}%2540${domain}`;
    case 'entity':
      return `${local}&#64;${domain}`;
    case 'hexentity':
      return `${local}&#x40;${domain}`;
    case 'json':
      return `${local}\\u0040${domain}`;
    case 'uri':
      return encodeURIComponent(`${local}@${domain}`);
  }
}

const b64url = (text: string) => Buffer.from(text).toString('base64url');
const jwt = (claims: object) => `${b64url('{"alg":"RS256","typ":"JWT","kid":"k1"}')}.${b64url(JSON.stringify(claims))}.${b64url('signature-bytes-0123456789abcdef')}`;

const TOKEN_PARAMS = ['code', 'state', 'id_token', 'access_token', 'refresh_token', 'login_hint', 'client_secret', 'nonce', 'session_state', 'code_verifier', 'SAMLart', 'password', 'id_token_hint', 'token'];
const SECRET_HEADERS = ['Authorization', 'Proxy-Authorization', 'X-Auth-Token', 'X-Auth-Tenant-Key', 'X-API-Key', 'DPoP', 'X-CSRF-Token', 'X-XSRF-TOKEN', 'X-Amz-Security-Token', 'Api-Key'];
const URL_SLOTS = ['url', 'Location', 'Refresh', 'Referer', 'redirectURL', 'Link', ':path', 'Content-Location'] as const;

interface Base {
  response: string;
  logout: string;
  relay: string;
  entries: HarEntry[];
}

/** Plants in the SAML XML (before it is encoded into the HAR). */
function plantXml(base: Base, s: Secret): void {
  const value = s.kind === 'nameid' && s.encoding === 'plain' ? email(s) : s.core;
  const inLogout = s.place % 2 === 1;
  switch (s.kind) {
    case 'nameid':
      if (inLogout) base.logout = base.logout.replace(/(<saml:NameID[^>]*>)[^<]*/, `$1${value}`);
      else base.response = base.response.replace(/(<(?:\w+:)?NameID[^>]*>)[^<]*/, `$1${value}`);
      return;
    case 'attribute': {
      // A non-group attribute (group names are kept by design).
      const tag = `<saml:Attribute Name="employeeNumber"><saml:AttributeValue>${s.core}</saml:AttributeValue></saml:Attribute>`;
      base.response = base.response.includes('</saml:AttributeStatement>') ? base.response.replace('</saml:AttributeStatement>', `${tag}</saml:AttributeStatement>`) : base.response.replace(/(<\/(?:\w+:)?Subject>)/, `$1<saml:AttributeStatement xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${tag}</saml:AttributeStatement>`);
      return;
    }
    case 'session-index':
      if (inLogout) base.logout = base.logout.replace('</samlp:LogoutRequest>', `<samlp:SessionIndex>${s.core}</samlp:SessionIndex></samlp:LogoutRequest>`);
      else base.response = base.response.replace(/<(\w+:)?AuthnStatement /, (m) => `${m}SessionIndex="_${s.core}" `);
      return;
    case 'status':
      base.response = base.response.replace(/(<(\w+:)?Status>)/, `$1<$2StatusMessage>AADSTS50105: The signed in user '${s.core}' is not assigned to a role.</$2StatusMessage>`);
      return;
    case 'certificate':
      base.response = base.response.replace(/(<(?:\w+:)?X509Certificate>)[^<]*/, `$1MIIC${s.core}AAAB`);
      if (!base.response.includes(s.core)) base.response = base.response.replace(/(<(?:\w+:)?Issuer[^>]*>[^<]*<\/(?:\w+:)?Issuer>)/, `$1<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignatureValue>${s.core}==</ds:SignatureValue></ds:Signature>`);
      return;
    case 'relay':
      base.relay = s.core;
      return;
    default:
  }
}

function addToUrl(url: string, param: string, value: string, fragment: boolean): string {
  return fragment ? `${url}${url.includes('#') ? '&' : '#'}${param}=${value}` : `${url}${url.includes('?') ? '&' : '?'}${param}=${value}`;
}

/** Plants in the HAR entries. */
function plantEntry(base: Base, s: Secret): void {
  const [post, callback, form, json] = base.entries as [HarEntry, HarEntry, HarEntry, HarEntry];
  const entry = base.entries[s.place % base.entries.length]!;
  const value = s.kind === 'email' ? email(s) : s.kind === 'jwt' ? jwt({ sub: s.core, email: `${s.core}@corp.example`, iss: 'https://idp.example.com', aud: 'client-1', exp: 1700000000 }) : s.core;
  switch (s.kind) {
    case 'email':
    case 'jwt': {
      // Anywhere: a URL path, a query value, a fragment, a header, a cookie, a body.
      const spot = s.place % 8;
      if (spot === 0) entry.request.url = entry.request.url.replace('://sp.example.com/', `://sp.example.com/u/${value}/`).replace('://idp.example.com/', `://idp.example.com/u/${value}/`);
      else if (spot === 1) entry.request.url = addToUrl(entry.request.url, 'q', value, false);
      else if (spot === 2) entry.request.url = addToUrl(entry.request.url, 'info', value, true);
      else if (spot === 3) entry.request.headers.push({ name: 'X-Forwarded-User', value: `user ${value}` });
      else if (spot === 4) entry.response.headers.push({ name: 'Location', value: `https://app.example/#/welcome?who=${value}` });
      else if (spot === 5) entry.response.content = { size: 10, mimeType: 'text/html', text: `<p>Welcome ${value}</p>` };
      else if (spot === 6) json.request.postData = { mimeType: 'application/json', text: JSON.stringify({ note: `from ${value}`, nested: [{ who: value }] }) };
      else entry.request.headers.push({ name: 'Cookie', value: `pref=1; who=${value}` });
      return;
    }
    case 'token': {
      const param = TOKEN_PARAMS[s.place % TOKEN_PARAMS.length]!;
      const slot = URL_SLOTS[s.place % URL_SLOTS.length]!;
      const fragment = s.place % 3 === 0;
      const url = addToUrl('https://app.example.com/cb', param, value, fragment);
      if (slot === 'url') callback.request.url = addToUrl(callback.request.url, param, value, fragment);
      else if (slot === 'redirectURL') callback.response.redirectURL = url;
      else if (slot === 'Refresh') callback.response.headers.push({ name: 'Refresh', value: `0; url=${url}` });
      else if (slot === 'Link') callback.response.headers.push({ name: 'Link', value: `<${url}>; rel="next", <https://cdn.example/x.css>; rel=preload` });
      else if (slot === ':path') callback.request.headers.push({ name: ':path', value: url.slice('https://app.example.com'.length) });
      else if (slot === 'Referer') callback.request.headers.push({ name: 'Referer', value: url });
      else callback.response.headers.push({ name: slot, value: url });
      return;
    }
    case 'cookie': {
      const spot = s.place % 4;
      if (spot === 0) entry.request.headers.push({ name: 'Cookie', value: `a=1; SESSION=${value}; b=2` });
      else if (spot === 1) entry.response.headers.push({ name: 'Set-Cookie', value: `sid=${value}; Path=/; Secure; HttpOnly; SameSite=None` });
      else if (spot === 2) (entry.request.cookies ??= []).push({ name: 'sid', value });
      else (entry.response.cookies ??= []).push({ name: 'idp_session', value });
      return;
    }
    case 'header': {
      const name = SECRET_HEADERS[s.place % SECRET_HEADERS.length]!;
      const scheme = name.endsWith('Authorization') ? (s.place % 2 ? 'Bearer ' : 'Basic ') : '';
      entry.request.headers.push({ name, value: `${scheme}${value}` });
      return;
    }
    case 'form': {
      const field = ['password', 'username', 'passwd', 'otp', 'loginfmt', 'pin'][s.place % 6]!;
      if (s.place % 2) {
        form.request.postData = { mimeType: 'application/x-www-form-urlencoded', text: `${form.request.postData!.text}&${field}=${value}` };
      } else {
        const boundary = '----WebKitFormBoundary7MA4YWxkTrZu0gW';
        const part = (n: string, v: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`;
        post.request.postData = {
          mimeType: `multipart/form-data; boundary=${boundary}`,
          text: `${part('SAMLResponse', b64(base.response))}${part(field, value)}--${boundary}--\r\n`,
        };
      }
      return;
    }
    case 'json': {
      const key = ['password', 'access_token', 'refresh_token', 'displayName', 'userPrincipalName', 'phone'][s.place % 6]!;
      if (s.place % 2) json.request.postData = { mimeType: 'application/json', text: JSON.stringify({ grant: 'x', [key]: value }) };
      else json.response.content = { size: 10, mimeType: 'application/json; charset=utf-8', text: JSON.stringify({ token_type: 'Bearer', [key]: value, id_token: jwt({ name: value }) }) };
      return;
    }
    default:
  }
}

export interface Built {
  har: { log: { version: string; creator: { name: string; version: string }; entries: HarEntry[] } };
  /** The cores that made it into the HAR (a plant with no room, such as a second NameID, replaces the first). */
  planted: Set<string>;
}

export function buildHar(secrets: Secret[], style: number): Built {
  const base: Base = { response: RESPONSES[style % RESPONSES.length]!, logout: LOGOUT, relay: '/home', entries: [] };
  for (const s of secrets) plantXml(base, s);
  const styles = ['chrome', 'firefox', 'text'] as const;
  const post = postEntry(ACS, 'SAMLResponse', b64(base.response), { relayState: base.relay, style: styles[style % 3], status: 302 });
  const logoutUrl = redirectEntry(IDP, 'SAMLRequest', deflateB64(base.logout), { relayState: base.relay });
  // Chromium's HTTP/2 HARs carry the request line as pseudo-headers too.
  logoutUrl.request.headers.push({ name: ':path', value: logoutUrl.request.url.slice('https://idp.example.com'.length) }, { name: ':authority', value: 'idp.example.com' });
  const callback: HarEntry = { startedDateTime: '2024-01-01T00:00:02.000Z', request: { method: 'GET', url: 'https://sp.example.com/oidc/callback?iss=https%3A%2F%2Fidp.example.com', headers: [] }, response: { status: 302, headers: [] } };
  const form: HarEntry = { startedDateTime: '2024-01-01T00:00:03.000Z', request: { method: 'POST', url: 'https://idp.example.com/login', headers: [], postData: { mimeType: 'application/x-www-form-urlencoded', text: 'remember=on' } }, response: { status: 200, headers: [] } };
  const json: HarEntry = { startedDateTime: '2024-01-01T00:00:04.000Z', request: { method: 'POST', url: 'https://idp.example.com/api/v1/authn', headers: [] }, response: { status: 200, headers: [] } };
  // The logout (inflated and deflated again: the costly part) is in the HAR when a plant is in it, and in a third of the others.
  const withLogout = style % 3 === 0 || base.logout !== LOGOUT;
  base.entries = [post, callback, form, json, ...(withLogout ? [logoutUrl] : [])];
  for (const s of secrets) plantEntry(base, s);
  const har = { log: { version: '1.2', creator: { name: 'Chrome', version: '1' }, entries: base.entries } };
  const text = JSON.stringify(har) + base.response + base.logout;
  return { har, planted: new Set(secrets.map((s) => s.core).filter((c) => text.includes(c))) };
}

const decodeRounds = (s: string): string[] => {
  const out = [s];
  let cur = s;
  for (let i = 0; i < 3 && cur.includes('%'); i++) {
    try {
      cur = decodeURIComponent(cur.replace(/\+/g, ' '));
    } catch {
      break;
    }
    out.push(cur);
  }
  return out;
};

const SAML_FIELD = /SAML(?:Request|Response)(?:=|"\r?\n\r?\n)([A-Za-z0-9+/=%_ -]+)/g;
const JWT = /eyJ[\w-]+\.[\w-]*(?:\.[\w-]*)?/g;
const BASE64 = /^[A-Za-z0-9+/=]{40,}$/;

/** Everything a reader of the file could see: strings as written and decoded, SAML messages and JWTs decoded. */
export function visible(value: unknown): string {
  const texts: string[] = [];
  const decodedSaml = new Set<string>();
  const decodeSaml = (v: string, depth: number) => {
    if (decodedSaml.has(v)) return;
    decodedSaml.add(v);
    const post = decodeSamlValue(v, 'post');
    const r = post.ok ? post : decodeSamlValue(v, 'redirect');
    if (r.ok) add(r.text, depth + 1);
  };
  const add = (s: string, depth: number) => {
    texts.push(s);
    if (depth > 3) return;
    // Only strings that can hide something in an encoding are decoded further.
    if (s.includes('%')) for (const d of decodeRounds(s).slice(1)) add(d, depth + 1);
    if (s.includes('SAML')) {
      for (const m of s.matchAll(SAML_FIELD)) decodeSaml(decodeRounds(m[1]!).at(-1)!.replace(/ /g, '+'), depth);
    }
    if (s.includes('eyJ')) for (const m of s.matchAll(JWT)) for (const part of m[0].split('.')) add(Buffer.from(part, 'base64url').toString('utf8'), depth + 1);
    // A SAML field sent alone as a form param value (Firefox style).
    if (s.length >= 40 && BASE64.test(s)) decodeSaml(s, depth);
  };
  const walk = (v: unknown) => {
    if (typeof v === 'string') add(v, 0);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        add(k, 0);
        walk(x);
      }
    }
  };
  walk(value);
  return texts.join('\n');
}

