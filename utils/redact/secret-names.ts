// Which names carry secrets (query and fragment parameters, form fields, JSON keys, headers) and which carry
// what support needs to diagnose. The token list covers Cloudflare's HAR sanitizer word list
// (github.com/cloudflare/har-sanitizer) plus OAuth/OIDC (RFC 6749, OIDC Core), WS-Federation and CSRF names.

const TOKEN_NAMES = new Set([
  // Cloudflare's list
  'authorization', 'samlrequest', 'samlresponse', 'access_token', 'appid', 'assertion', 'auth', 'authenticity_token',
  'challenge', 'client_secret', 'code', 'code_challenge', 'code_verifier', 'email', 'facetid', 'fcparams', 'id_token',
  'password', 'refresh_token', 'serverdata', 'shdf', 'state', 'token', 'usg', 'vses2', 'x-client-data',
  // OAuth / OIDC
  'login_hint', 'id_token_hint', 'logout_hint', 'nonce', 'session_state', 'sid', 'client_assertion', 'device_code',
  'user_code', 'request', 'response', 'jwt', 'assertion_token', 'subject_token', 'actor_token', 'mfa_token', 'otp',
  // SAML artifact, WS-Federation, CAS
  'samlart', 'wresult', 'wctx', 'ticket',
  // people and passwords in login forms
  'username', 'user', 'user_id', 'userid', 'login', 'upn', 'passwd', 'pwd', 'pass', 'passcode', 'pin', 'secret',
  'phone', 'mobile', 'key', 'apikey', 'api_key', 'sig', 'signature', 'csrf', '_csrf', 'xsrf', 'csrfmiddlewaretoken',
  '__requestverificationtoken', 'jsessionid', 'phpsessid', 'sessionid', 'session',
]);

/** Fragments of a name that mark a secret whatever surrounds them (`X-Auth-Token`, `my_api_key`, `oauth_verifier`). */
const SECRET_PARTS = ['token', 'secret', 'passw', 'session', 'csrf', 'xsrf', 'auth', 'apikey', 'api_key', 'api-key', 'hint', 'assertion', 'credential', 'nonce', 'verifier', 'cookie', 'dpop', 'jwt', 'bearer', 'otp'];

/** Kept as sent (e-mails and JWTs inside are still replaced): protocol settings support reads to diagnose. */
const KEPT_NAMES = new Set([
  'relaystate', 'sigalg', 'client_id', 'response_type', 'response_mode', 'scope', 'prompt', 'max_age', 'ui_locales',
  'display', 'acr_values', 'grant_type', 'code_challenge_method', 'error', 'error_description', 'error_uri', 'error_codes',
  'resource', 'audience', 'redirect_uri', 'post_logout_redirect_uri', 'wa', 'wtrealm', 'wreply', 'whr', 'domain_hint',
  'iss', 'token_type', 'expires_in', 'ext_expires_in', 'sso_reload', 'lang', 'locale', 'returnurl', 'return_to', 'target',
  'spentityid', 'entityid', 'idpentityid', 'binding', 'forceauthn', 'ispassive',
]);

/** JSON keys (JWT claims, token responses) kept as sent: times, issuers, audiences, algorithms. */
const KEPT_CLAIMS = new Set([
  'iss', 'aud', 'exp', 'nbf', 'iat', 'auth_time', 'azp', 'ver', 'tid', 'amr', 'acr', 'alg', 'kid', 'typ', 'cty', 'enc',
  'zip', 'x5t', 'x5t#s256', 'jku', 'scp', 'scope', 'token_type', 'expires_in', 'ext_expires_in', 'refresh_token_expires_in',
  'response_type', 'response_mode', 'grant_type', 'error', 'error_description', 'error_codes', 'error_uri', 'timestamp',
  'trace_id', 'correlation_id', 'idp', 'htm', 'htu', 'at_hash', 'c_hash', 's_hash', 'client_id', 'appid', 'app_displayname',
  'token_endpoint_auth_method', 'issuer', 'authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'jwks_uri',
  'end_session_endpoint', 'redirect_uri', 'redirect_uris', 'kty', 'use', 'n', 'e', 'crv', 'x', 'y', 'keys',
  // IdP error answers (Okta's API, Entra's token endpoint)
  'errorcode', 'error_code', 'errorid', 'errorlink', 'suberror', 'error_subcode',
]);

/** Names of claims and attributes that list groups: the organization's, kept unless asked otherwise. */
const GROUP_NAMES = new Set(['groups', 'group', 'memberof', 'ismemberof', 'roles', 'role', 'wids']);

const lower = (s: string) => s.toLowerCase();

export function isTokenName(name: string): boolean {
  const n = lower(name);
  if (KEPT_NAMES.has(n)) return false;
  if (TOKEN_NAMES.has(n)) return true;
  for (const part of SECRET_PARTS) if (n.includes(part)) return true;
  return false;
}

export function isKeptName(name: string): boolean {
  return KEPT_NAMES.has(lower(name));
}

export function isKeptClaim(name: string): boolean {
  return KEPT_CLAIMS.has(lower(name));
}

/** `groups`, `memberOf`, `http://schemas.microsoft.com/ws/2008/06/identity/claims/groups`, `http://schemas.xmlsoap.org/claims/Group`… */
export function isGroupName(name: string): boolean {
  const n = lower(name);
  const cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf(':'));
  return GROUP_NAMES.has(cut >= 0 ? n.slice(cut + 1) : n);
}

// Headers whose value is a credential, whatever Cloudflare's list or ours calls them.
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-client-data', 'x-api-key', 'api-key', 'dpop', 'x-amz-security-token', 'x-goog-iap-jwt-assertion']);
const CREDENTIAL_HEADER_PARTS = ['auth', 'token', 'secret', 'api-key', 'apikey', 'api_key', 'session', 'csrf', 'xsrf', 'passw', 'credential', 'signature', 'dpop', 'jwt', 'ticket', 'saml', 'bearer', 'cookie'];
/** Request IDs support quotes to the IdP's vendor; not personal, not credentials. */
const CORRELATION_HEADERS = new Set(['x-ms-request-id', 'x-ms-ests-server', 'client-request-id', 'request-id', 'x-request-id', 'x-correlation-id', 'traceparent', 'tracestate', 'cf-ray', 'x-amzn-requestid', 'x-amz-cf-id', 'x-okta-request-id']);

export function isCredentialHeader(name: string): boolean {
  const n = lower(name);
  if (CREDENTIAL_HEADERS.has(n)) return true;
  // HTTP/2 pseudo-headers (`:authority` is the host, not a credential).
  if (n.startsWith(':') || n.startsWith('access-control-') || n === 'www-authenticate' || n === 'proxy-authenticate' || n === 'cookie' || n === 'set-cookie') return false;
  for (const part of CREDENTIAL_HEADER_PARTS) if (n.includes(part)) return true;
  return false;
}

export function isCorrelationHeader(name: string): boolean {
  return CORRELATION_HEADERS.has(lower(name));
}

const isTokenChar = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f || c === 0x2e || c === 0x7e || c === 0x2b || c === 0x2f || c === 0x3d || c === 0x25 || c === 0x3a;

/**
 * A value with the look of a random credential: one word of URL/base64 characters, long, with letters and
 * digits mixed. Used where the name says nothing (an unknown query parameter or header, RelayState).
 */
export function looksLikeToken(value: string, minLength = 20): boolean {
  if (value.length < minLength || value.includes('://') || value.charCodeAt(0) === 0x2f) return false;
  let letters = 0;
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!isTokenChar(c)) return false;
    if (c >= 0x30 && c <= 0x39) digits++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
  }
  return letters > 0 && digits > 0;
}
