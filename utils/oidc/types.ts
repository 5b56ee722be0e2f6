// The typed OpenID Connect message model, beside the SAML one (DESIGN.md "Growing past SAML"). Plain data, like
// SamlMessage: it survives JSON (CLI --json, exports, messages between extension pages).
import type { MessageBase } from '../protocols/types';

export type OidcKind =
  /** The browser sent to the provider's authorization endpoint (OIDC Core §3.1.2.1). */
  | 'AuthorizationRequest'
  /** The provider's answer at the redirect URI: a code and/or tokens (OIDC Core §3.1.2.5, §3.2.2.5). */
  | 'AuthorizationResponse'
  /** An OAuth error, from the authorization endpoint, the token endpoint or Entra ID's own error page. */
  | 'ErrorResponse'
  /** A token endpoint call the browser made itself (single-page apps, OIDC Core §3.1.3.1). */
  | 'TokenRequest'
  /** The token endpoint's JSON answer to such a call (OIDC Core §3.1.3.3). */
  | 'TokenResponse'
  /** The provider's /.well-known/openid-configuration document (OpenID Connect Discovery §4). */
  | 'Discovery'
  /** RP-initiated logout at the provider's end_session_endpoint (OpenID Connect RP-Initiated Logout §2). */
  | 'EndSession';

/** Where the parameters travel. */
export type OidcCarrier =
  | 'query'
  /** The fragment of a redirect's Location header: browsers never send it, so the redirect is where it shows. */
  | 'fragment'
  | 'form_post'
  | 'json'
  /** Entra ID's HTML error page, answered to the authorization request itself. */
  | 'html';

/** A JWT read without verification: what it claims, not proof that it is genuine. */
export interface DecodedJwt {
  /** The compact serialization as received. */
  raw: string;
  header?: Record<string, unknown>;
  payload?: Record<string, unknown>;
  /** Why it could not be read (not a JWT, bad base64, not JSON, encrypted JWE). */
  problem?: string;
}

export interface AuthorizationRequestInfo {
  /** The authorization endpoint: the URL without its query. */
  endpoint: string;
  clientId: string;
  responseType: string;
  responseMode?: string;
  redirectUri?: string;
  scope?: string;
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  prompt?: string;
  loginHint?: string;
  domainHint?: string;
}

export interface AuthorizationResponseInfo {
  /** Where the answer landed: the redirect URI it was sent to, without query or fragment. */
  redirectTarget: string;
  code?: string;
  state?: string;
  idToken?: DecodedJwt;
  /** Access tokens are often opaque: `problem` then says so, and nothing else is read from them. */
  accessToken?: DecodedJwt;
  tokenType?: string;
  expiresIn?: string;
  scope?: string;
  sessionState?: string;
}

export interface ErrorInfo {
  error: string;
  errorDescription?: string;
  errorUri?: string;
  /** Entra ID's AADSTS numbers, from `error_codes` or the description text. */
  aadsts: number[];
  state?: string;
  traceId?: string;
  correlationId?: string;
  /** For a redirected error: where it landed (compared with the request's redirect_uri). */
  redirectTarget?: string;
  /**
   * The token endpoint refused the browser's call (its HTTP status says so) but its body, which names the error,
   * was not captured ('absent') or was not an OAuth JSON error ('not-oauth'): `error` is then empty.
   */
  bodyMissing?: 'absent' | 'not-oauth';
}

export interface TokenRequestInfo {
  endpoint: string;
  grantType: string;
  clientId?: string;
  redirectUri?: string;
  code?: string;
  /** PKCE (RFC 7636 §4.5): whether the verifier was sent; its value is a secret and is not kept. */
  hasCodeVerifier: boolean;
  hasClientSecret: boolean;
  hasClientAssertion: boolean;
}

export interface TokenResponseInfo {
  idToken?: DecodedJwt;
  accessToken?: DecodedJwt;
  hasRefreshToken: boolean;
  tokenType?: string;
  expiresIn?: number;
  scope?: string;
}

export interface DiscoveryInfo {
  issuer?: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  userinfoEndpoint?: string;
  jwksUri?: string;
  endSessionEndpoint?: string;
  responseTypesSupported: string[];
  responseModesSupported: string[];
  codeChallengeMethodsSupported: string[];
  idTokenSigningAlgValuesSupported: string[];
  /** The body was not captured or was not the JSON document: only the URL is known. */
  bodyMissing: boolean;
}

export interface EndSessionInfo {
  endpoint: string;
  idTokenHint?: DecodedJwt;
  postLogoutRedirectUri?: string;
  clientId?: string;
  state?: string;
}

export interface OidcMessage extends MessageBase {
  protocol: 'oidc';
  /** Unique within one analysis: `<entry index>:oidc:<kind>`. */
  key: string;
  kind: OidcKind;
  carrier: OidcCarrier;
  /** The parameters as read (URL-decoded), in order, for the raw view. Secrets are kept: redaction is export's job. */
  params: Array<{ name: string; value: string }>;

  authorization?: AuthorizationRequestInfo;
  response?: AuthorizationResponseInfo;
  error?: ErrorInfo;
  tokenRequest?: TokenRequestInfo;
  tokens?: TokenResponseInfo;
  discovery?: DiscoveryInfo;
  endSession?: EndSessionInfo;
}
