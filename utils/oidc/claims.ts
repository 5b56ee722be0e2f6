// The claims table of the panel's Claims tab and the CLI: each claim with what it means, times in local time and
// UTC with how far they are from the capture. Meanings follow OIDC Core §2 and §5.1, RFC 7519 §4.1 and Microsoft's
// ID token claims reference (ENTRA_ID_TOKEN_CLAIMS_DOC).
import { describeDuration } from '../panel/time-wording';

export const ENTRA_ID_TOKEN_CLAIMS_DOC = 'https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference';

export const CLAIM_MEANINGS: Readonly<Record<string, string>> = {
  iss: 'Issuer: the provider that made the token (for Entra ID, https://login.microsoftonline.com/<tenant ID>/v2.0).',
  sub: 'Subject: the user, as a stable identifier for this application (pairwise in Entra ID: differs between applications).',
  aud: "Audience: who the token is for; an ID token's audience is the application's client_id.",
  exp: 'Expires: the token must not be accepted at or after this time.',
  nbf: 'Not before: the token must not be accepted before this time.',
  iat: 'Issued at: when the provider made the token.',
  auth_time: 'When the user last entered credentials (a token can be newer than the sign-in it reuses).',
  nonce: 'The nonce the application sent in its authorization request, echoed back so it can reject a replayed token.',
  azp: 'Authorized party: the client the token was issued to, when the audience lists several.',
  at_hash: 'Hash of the access token issued with this ID token (binds the two).',
  c_hash: 'Hash of the authorization code issued with this ID token (hybrid flow).',
  sid: 'Session ID at the provider, used by sign-out.',
  acr: 'Authentication context class: how strongly the user authenticated.',
  amr: 'Authentication methods used: pwd (password), mfa, otp, rsa, fido, wia (Windows), …',
  tid: 'Entra ID tenant ID: the directory the user signed in to.',
  oid: "Entra ID object ID: the user's immutable ID in the tenant, the same for every application.",
  upn: "User principal name (Entra ID): the user's sign-in name; not guaranteed to be an email address, and it can change.",
  preferred_username: 'The name the user signs in with (Entra ID v2.0); shown to people, never a key: it can change.',
  unique_name: 'Entra ID v1.0 display form of the user name; like upn, not a stable key.',
  email: "The user's email address (Entra ID sends it only as an optional claim, and only when the user has one).",
  email_verified: 'Whether the provider checked that the user controls the email address.',
  name: "The user's display name.",
  given_name: 'First name.',
  family_name: 'Last name.',
  groups: 'Groups the user belongs to (Entra ID: object IDs by default; at most 200 in a JWT before overage).',
  hasgroups: 'Entra ID: the user is in too many groups for a URL-borne token (implicit flow); the groups must be read from Microsoft Graph.',
  _claim_names: 'Entra ID overage: names claims (groups) that were left out and where to fetch them.',
  _claim_sources: 'Entra ID overage: the Microsoft Graph endpoint to fetch the left-out claims from.',
  roles: 'App roles assigned to the user (or to a group the user is in) for this application.',
  wids: "Entra ID directory role template IDs the user holds (Global Administrator, …).",
  ver: 'Token version (Entra ID: 1.0 or 2.0, from the app registration\'s accessTokenAcceptedVersion and endpoint).',
  idp: 'Entra ID: the identity provider that authenticated the user when it is not this tenant (guests, personal accounts).',
  uti: 'Entra ID internal token identifier.',
  rh: 'Entra ID internal claim used to revalidate tokens.',
  aio: 'Entra ID internal claim used to reuse tokens.',
  login_hint: 'Entra ID: a hint that lets the application sign the same user in again silently.',
  ctry: "The user's country (optional claim).",
  ipaddr: 'The IP address the user authenticated from (optional claim).',
  onprem_sid: 'On-premises security identifier (synced users).',
  xms_pl: "User's preferred language (optional claim).",
};

const TIME_CLAIMS = new Set(['exp', 'nbf', 'iat', 'auth_time']);

export interface ClaimRow {
  name: string;
  /** The value as text: strings as they are, everything else as JSON. */
  value: string;
  meaning?: string;
  /** For NumericDate claims: "2024-01-01 11:00:00 (local) · 2024-01-01T10:00:00Z", and how far from `now`. */
  time?: { local: string; utc: string; relative: string };
}

/** One row per claim, in the token's order; `now` (capture time) words times as "expired 12 min ago". */
export function claimRows(payload: Record<string, unknown>, now: number, timeZone?: string): ClaimRow[] {
  return Object.entries(payload).map(([name, value]) => {
    const row: ClaimRow = { name, value: typeof value === 'string' ? value : JSON.stringify(value) ?? String(value) };
    const meaning = Object.hasOwn(CLAIM_MEANINGS, name) ? CLAIM_MEANINGS[name] : undefined;
    if (meaning) row.meaning = meaning;
    if (TIME_CLAIMS.has(name) && typeof value === 'number' && Number.isFinite(value)) {
      const time = describeClaimTime(name, value * 1000, now, timeZone);
      if (time) row.time = time;
    }
    return row;
  });
}

function describeClaimTime(name: string, at: number, now: number, timeZone: string | undefined): ClaimRow['time'] | undefined {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return undefined;
  const utc = date.toISOString().replace('.000Z', 'Z');
  let local: string;
  try {
    local = date.toLocaleString('en-GB', { timeZone, timeZoneName: 'short' });
  } catch {
    local = date.toLocaleString('en-GB', { timeZoneName: 'short' });
  }
  const gap = describeDuration(at - now);
  const past = at <= now;
  let relative: string;
  if (name === 'exp') relative = past ? `expired ${gap} ago` : `expires in ${gap}`;
  else if (name === 'nbf') relative = past ? `valid since ${gap}` : `not valid for another ${gap}`;
  else relative = past ? `${gap} before capture` : `${gap} after capture (clock ahead?)`;
  return { local, utc, relative };
}
