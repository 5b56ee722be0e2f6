import type { HarEntry, HarNameValue } from '../har/types';
import { aadstsCodes } from './aadsts';
import { readJwt } from './decode-jwt';
import { detectOidc, parseJsonObject, type OidcField } from './detect';
import type { DiscoveryInfo, ErrorInfo, OidcMessage } from './types';

const MAX_PAGE = 512 * 1024;

/** The OIDC messages of one exchange at `exchangeIndex` (none for other traffic). Never throws on input. */
export function readOidcExchange(entry: HarEntry, exchangeIndex: number): OidcMessage[] {
  const fields = detectOidc(entry);
  if (!fields) return [];
  const out = fields.map((field) => readOidcMessage(field, entry, exchangeIndex));
  const page = fields.some((f) => f.kind === 'AuthorizationRequest') ? errorPage(entry, exchangeIndex) : undefined;
  if (page) out.push(page);
  return out;
}

export function readOidcMessage(field: OidcField, entry: HarEntry, exchangeIndex: number): OidcMessage {
  const message = base(field.kind, field.carrier, entry, exchangeIndex, field.params);
  const p = (name: string) => field.params.find((f) => f.name === name)?.value;
  const opt = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
    value === undefined ? {} : ({ [key]: value } as Record<K, string>);
  const urlBase = endpointOf(entry.request.url);

  switch (field.kind) {
    case 'AuthorizationRequest':
      message.authorization = {
        endpoint: urlBase,
        clientId: p('client_id') ?? '',
        responseType: p('response_type') ?? '',
        ...opt('responseMode', p('response_mode')),
        ...opt('redirectUri', p('redirect_uri')),
        ...opt('scope', p('scope')),
        ...opt('state', p('state')),
        ...opt('nonce', p('nonce')),
        ...opt('codeChallenge', p('code_challenge')),
        ...opt('codeChallengeMethod', p('code_challenge_method')),
        ...opt('prompt', p('prompt')),
        ...opt('loginHint', p('login_hint')),
        ...opt('domainHint', p('domain_hint')),
      };
      break;
    case 'AuthorizationResponse': {
      const idToken = p('id_token');
      const accessToken = p('access_token');
      message.response = {
        redirectTarget: field.target ?? urlBase,
        ...opt('code', p('code')),
        ...opt('state', p('state')),
        ...(idToken === undefined ? {} : { idToken: readJwt(idToken) }),
        ...(accessToken === undefined ? {} : { accessToken: readJwt(accessToken) }),
        ...opt('tokenType', p('token_type')),
        ...opt('expiresIn', p('expires_in')),
        ...opt('scope', p('scope')),
        ...opt('sessionState', p('session_state')),
      };
      break;
    }
    case 'ErrorResponse':
      message.error = readError(field.params, field.carrier === 'json' ? undefined : (field.target ?? urlBase));
      if (field.bodyMissing) message.error.bodyMissing = field.bodyMissing;
      break;
    case 'TokenRequest':
      message.tokenRequest = {
        endpoint: urlBase,
        grantType: p('grant_type') ?? '',
        ...opt('clientId', p('client_id')),
        ...opt('redirectUri', p('redirect_uri')),
        ...opt('code', p('code')),
        hasCodeVerifier: p('code_verifier') !== undefined,
        hasClientSecret: p('client_secret') !== undefined || hasBasicAuth(entry),
        hasClientAssertion: p('client_assertion') !== undefined,
      };
      break;
    case 'TokenResponse': {
      const idToken = p('id_token');
      const accessToken = p('access_token');
      const expires = Number(p('expires_in'));
      message.tokens = {
        ...(idToken === undefined ? {} : { idToken: readJwt(idToken) }),
        ...(accessToken === undefined ? {} : { accessToken: readJwt(accessToken) }),
        hasRefreshToken: p('refresh_token') !== undefined,
        ...opt('tokenType', p('token_type')),
        ...(Number.isFinite(expires) && p('expires_in') !== undefined ? { expiresIn: expires } : {}),
        ...opt('scope', p('scope')),
      };
      break;
    }
    case 'Discovery':
      message.discovery = readDiscovery(entry);
      break;
    case 'EndSession': {
      const hint = p('id_token_hint');
      message.endSession = {
        endpoint: urlBase,
        ...(hint === undefined ? {} : { idTokenHint: readJwt(hint) }),
        ...opt('postLogoutRedirectUri', p('post_logout_redirect_uri')),
        ...opt('clientId', p('client_id')),
        ...opt('state', p('state')),
      };
      break;
    }
  }
  return message;
}

function base(kind: OidcMessage['kind'], carrier: OidcMessage['carrier'], entry: HarEntry, exchangeIndex: number, params: HarNameValue[]): OidcMessage {
  const message: OidcMessage = {
    protocol: 'oidc',
    key: `${exchangeIndex}:oidc:${kind}`,
    kind,
    carrier,
    exchangeIndex,
    url: entry.request.url,
    method: entry.request.method,
    params: params.map(({ name, value }) => ({ name, value })),
  };
  if (entry.response?.status) message.httpStatus = entry.response.status;
  if (entry.startedDateTime) message.capturedAt = entry.startedDateTime;
  return message;
}

function endpointOf(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

function hasBasicAuth(entry: HarEntry): boolean {
  return entry.request.headers?.some((h) => h.name.toLowerCase() === 'authorization' && /^basic\s/i.test(h.value)) ?? false;
}

function readError(params: HarNameValue[], redirectTarget: string | undefined): ErrorInfo {
  const p = (name: string) => params.find((f) => f.name === name)?.value;
  const description = p('error_description');
  const info: ErrorInfo = { error: p('error') ?? '', aadsts: aadstsCodes(p('error_codes'), description) };
  if (description !== undefined) info.errorDescription = description;
  const uri = p('error_uri');
  if (uri !== undefined) info.errorUri = uri;
  const state = p('state');
  if (state !== undefined) info.state = state;
  const trace = p('trace_id') ?? /Trace ID: ([0-9a-f-]{36})/i.exec(description ?? '')?.[1];
  if (trace) info.traceId = trace;
  const correlation = p('correlation_id') ?? /Correlation ID: ([0-9a-f-]{36})/i.exec(description ?? '')?.[1];
  if (correlation) info.correlationId = correlation;
  if (redirectTarget !== undefined) info.redirectTarget = redirectTarget;
  return info;
}

/**
 * Entra ID answers a bad authorization request with its own HTML page ("Sorry, but we're having trouble signing
 * you in. AADSTS50011: …") instead of redirecting: the page's text is the only place the error shows.
 */
function errorPage(entry: HarEntry, exchangeIndex: number): OidcMessage | undefined {
  const content = entry.response?.content;
  const text = content?.text;
  if (typeof text !== 'string' || content?.encoding === 'base64' || text.length > MAX_PAGE || !text.includes('AADSTS')) return undefined;
  const match = /AADSTS(\d{4,8})\b:?\s*([^<"\\\r\n]{0,600})/.exec(text);
  if (!match) return undefined;
  const description = `AADSTS${match[1]}: ${decodeEntities(match[2]!.trim())}`.trim();
  const message = base('ErrorResponse', 'html', entry, exchangeIndex, [{ name: 'error_description', value: description }]);
  message.key = `${exchangeIndex}:oidc:ErrorPage`;
  message.error = { error: 'error page', errorDescription: description, aadsts: [Number(match[1])] };
  const correlation = /Correlation ID:\s*([0-9a-f-]{36})/i.exec(text)?.[1];
  if (correlation) message.error.correlationId = correlation;
  const trace = /Request Id:\s*([0-9a-f-]{36})/i.exec(text)?.[1];
  if (trace) message.error.traceId = trace;
  return message;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function readDiscovery(entry: HarEntry): DiscoveryInfo {
  const content = entry.response?.content;
  const json = typeof content?.text === 'string' && content.encoding !== 'base64' && content.text.length <= MAX_PAGE ? parseJsonObject(content.text) : null;
  const str = (k: string) => (json && typeof json[k] === 'string' ? (json[k] as string) : undefined);
  const list = (k: string) => (json && Array.isArray(json[k]) ? (json[k] as unknown[]).filter((x): x is string => typeof x === 'string') : []);
  const info: DiscoveryInfo = {
    responseTypesSupported: list('response_types_supported'),
    responseModesSupported: list('response_modes_supported'),
    codeChallengeMethodsSupported: list('code_challenge_methods_supported'),
    idTokenSigningAlgValuesSupported: list('id_token_signing_alg_values_supported'),
    bodyMissing: !json,
  };
  const set = (key: keyof DiscoveryInfo, name: string) => {
    const v = str(name);
    if (v !== undefined) (info as unknown as Record<string, unknown>)[key] = v;
  };
  set('issuer', 'issuer');
  set('authorizationEndpoint', 'authorization_endpoint');
  set('tokenEndpoint', 'token_endpoint');
  set('userinfoEndpoint', 'userinfo_endpoint');
  set('jwksUri', 'jwks_uri');
  set('endSessionEndpoint', 'end_session_endpoint');
  return info;
}
