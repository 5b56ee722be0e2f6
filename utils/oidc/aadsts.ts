// Microsoft Entra ID's sign-in error codes that admins meet most, each with what it means and what to change.
// Meanings follow Microsoft's reference (ENTRA_ERROR_CODES_DOC); Microsoft warns that codes and texts change, so
// the finding always quotes the provider's own description beside this explanation.
import entraNotAssigned from '../rules/entra-not-assigned';

export const ENTRA_ERROR_CODES_DOC = 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes';

const APP_REG = 'Entra admin center > App registrations > your app';
const ENTERPRISE_APP = 'Entra admin center > Enterprise applications > your app';

export interface AadstsEntry {
  /** Microsoft's short name for the error, where its reference gives one. */
  name?: string;
  /** What went wrong, in an admin's words. */
  meaning: string;
  /** What to change, and where. */
  fix: string;
  /** Another rule already explains this code: its id, for the reference. */
  sameAs?: string;
}

export const AADSTS: Readonly<Record<number, AadstsEntry>> = {
  16000: {
    name: 'SelectUserAccount',
    meaning: 'Entra ID needs the user to pick an account (several sessions are open) or to sign in interactively; a silent request (prompt=none) cannot do that.',
    fix: 'Sign in interactively and choose the account that belongs to this tenant; an application sending prompt=none must fall back to an interactive sign-in.',
  },
  50011: {
    name: 'InvalidReplyTo',
    meaning: "The redirect_uri in the request is not one of the application's registered redirect URIs (the match is exact: scheme, host, path, case and trailing slash).",
    fix: `In ${APP_REG} > Authentication, add the exact redirect_uri the request sent, under the right platform (Web for server-side apps, Single-page application for browser apps).`,
  },
  50020: {
    name: 'UserUnauthorized',
    meaning: "The account comes from another identity provider or tenant (a guest, or a personal Microsoft account) and is not a user of this tenant, or the application does not accept that account type.",
    fix: `Invite the user into the tenant as a guest (External Identities), or sign in with an account of this tenant; check "Supported account types" in ${APP_REG} > Authentication and that the request uses the tenant's own endpoint, not /common.`,
  },
  50034: {
    name: 'UserAccountNotFound',
    meaning: 'The user name does not exist in this tenant.',
    fix: 'Check the user name the person typed (a typo, an old alias, another tenant), or create the user or invite them as a guest.',
  },
  50053: {
    name: 'IdsLocked',
    meaning: 'The account is locked after too many failed sign-ins, or the sign-in came from an IP address Entra ID blocks.',
    fix: 'Wait for the lockout to end or unlock the account; review the attempts in Entra admin center > Sign-in logs.',
  },
  50055: {
    name: 'InvalidPasswordExpiredPassword',
    meaning: "The user's password has expired.",
    fix: 'The user changes the password (self-service password reset) or an admin resets it.',
  },
  50057: {
    name: 'UserDisabled',
    meaning: 'The user account is disabled.',
    fix: 'Enable the account (Entra admin center > Users > the user > Account enabled) if the person should have access.',
  },
  50058: {
    name: 'UserInformationNotProvided',
    meaning: 'A silent sign-in (prompt=none) found no Entra ID session to use: the user is not signed in, or the browser blocked the session cookie.',
    fix: 'Sign in interactively once; an application sending prompt=none must fall back to an interactive sign-in. Allow third-party cookies for login.microsoftonline.com if the silent request runs in an iframe.',
  },
  50076: {
    name: 'UserStrongAuthClientAuthNRequired',
    meaning: 'Multifactor authentication is required (Conditional Access, per-user MFA, or a new location) and this request did not complete it.',
    fix: 'The user completes MFA in an interactive sign-in; if the request was silent, the application must send an interactive one.',
  },
  50079: {
    name: 'UserStrongAuthEnrollmentRequired',
    meaning: 'The user must register a second factor before signing in (a security-defaults or Conditional Access requirement).',
    fix: 'The user registers MFA at https://aka.ms/mysecurityinfo, then signs in again.',
  },
  50105: {
    name: 'EntitlementGrantsNotFound',
    meaning: entraNotAssigned.description,
    fix: entraNotAssigned.fix!.entra ?? entraNotAssigned.fix!.generic,
    sameAs: entraNotAssigned.id,
  },
  50126: {
    name: 'InvalidUserNameOrPassword',
    meaning: 'Wrong user name or password (or, with federation, the on-premises password does not match).',
    fix: 'The user retries with the right password or resets it; repeated failures lock the account (AADSTS50053).',
  },
  50128: {
    name: 'InvalidDomainName',
    meaning: 'No tenant was found for the domain or tenant ID in the request.',
    fix: "Check the tenant ID or domain in the application's authority (the authorize URL's first path segment) and the user name's domain.",
  },
  50196: {
    name: 'LoopDetected',
    meaning: 'Entra ID saw the same request again and again in a short time: the application keeps sending the user back to sign in.',
    fix: 'Fix the application so that it keeps the sign-in it received (its session cookie is often dropped: check SameSite and the cookie domain) instead of starting a new one.',
  },
  53000: {
    name: 'DeviceNotCompliant',
    meaning: 'A Conditional Access policy requires a compliant (managed) device and this device is not.',
    fix: 'Sign in from a compliant device, or review the policy in Entra admin center > Conditional Access and the sign-in log entry that names it.',
  },
  53003: {
    name: 'BlockedByConditionalAccess',
    meaning: 'A Conditional Access policy blocked the sign-in.',
    fix: 'Open the sign-in in Entra admin center > Sign-in logs > Conditional Access tab to see which policy blocked it, then adjust the policy or its exclusions.',
  },
  65001: {
    name: 'DelegationDoesNotExist',
    meaning: 'Nobody consented to the permissions the application asks for.',
    fix: `Grant consent: ${APP_REG} > API permissions > Grant admin consent for the tenant, or let the user consent if user consent is allowed.`,
  },
  65004: {
    name: 'UserDeclinedConsent',
    meaning: "The user declined the application's permission request.",
    fix: `Sign in again and accept, or have an admin grant consent in ${APP_REG} > API permissions.`,
  },
  70001: {
    name: 'UnauthorizedClient',
    meaning: 'The application is disabled in the tenant.',
    fix: `Set "Enabled for users to sign-in?" to Yes in ${ENTERPRISE_APP} > Properties.`,
  },
  70008: {
    name: 'ExpiredOrRevokedGrant',
    meaning: 'The authorization code or refresh token expired, was already redeemed, or was revoked.',
    fix: 'Start a new sign-in; an application that redeems a code twice (a reload of the callback page) must not.',
  },
  90072: {
    name: 'PassThroughUserMfaError',
    meaning: 'The external account the user signed in with does not exist in this tenant.',
    fix: 'Invite the user into the tenant as a guest, or sign in with an account of this tenant.',
  },
  90094: {
    name: 'AdminConsentRequired',
    meaning: 'The application asks for permissions only an administrator can grant.',
    fix: `An administrator grants consent in ${APP_REG} > API permissions > Grant admin consent (or through the admin-consent workflow).`,
  },
  500011: {
    name: 'InvalidResourceServicePrincipalNotFound',
    meaning: 'The resource (API) the request asks a token for has no service principal in this tenant: the scope or resource URI is wrong, or the API is not provisioned here.',
    fix: 'Check the scope/resource in the request (often a typo in the application ID URI), and that the API is registered or consented in this tenant.',
  },
  500113: {
    meaning: 'The application has no redirect URI registered at all.',
    fix: `Add the application's redirect URI in ${APP_REG} > Authentication.`,
  },
  501481: {
    meaning: "The token request's PKCE code_verifier does not match the code_challenge sent with the authorization request.",
    fix: 'The application must send the verifier it generated for this sign-in (its storage between the two steps was lost or mixed up: check it is not shared between tabs).',
  },
  700016: {
    name: 'UnauthorizedClient_DoesNotMatchRequest',
    meaning: "No application with this client_id exists in the tenant: a wrong client ID, the wrong tenant, or an application that was never added to this tenant.",
    fix: `Compare the client_id with the Application (client) ID in ${APP_REG} > Overview, and the tenant in the authorize URL with the app's tenant; for a multi-tenant app, an admin of this tenant must consent to it first.`,
  },
  700054: {
    meaning: "The request asks for an ID token (response_type contains id_token) and the application does not allow ID tokens from the authorization endpoint.",
    fix: `In ${APP_REG} > Authentication > Implicit grant and hybrid flows, tick "ID tokens", or change the application to the authorization-code flow.`,
  },
  7000215: {
    name: 'InvalidClientSecretProvided',
    meaning: "The client secret sent is wrong: often the secret's ID was copied instead of its value.",
    fix: `Create a new secret in ${APP_REG} > Certificates & secrets and copy its Value (shown once), not its Secret ID, into the service's settings.`,
  },
  7000218: {
    name: 'InvalidClientCredentials',
    meaning: 'The token request carries no client_secret or client_assertion, and the application is registered as a confidential (Web) client.',
    fix: `Give the service the client secret, or, if it is a browser or native application, register its redirect URI under "Single-page application" / "Mobile and desktop" (or allow public client flows) in ${APP_REG} > Authentication.`,
  },
  7000222: {
    name: 'InvalidClientSecretExpiredKeysProvided',
    meaning: "The application's client secret has expired.",
    fix: `Create a new secret in ${APP_REG} > Certificates & secrets and update it in the service's settings before removing the old one.`,
  },
  9002326: {
    meaning: "A browser application redeemed the code itself, but its redirect URI is registered as a Web platform, which allows token redemption from servers only.",
    fix: `Move the redirect URI from the Web platform to "Single-page application" in ${APP_REG} > Authentication.`,
  },
};

/** The AADSTS numbers of an error: `error_codes` (a JSON array as text) first, else those in the description. */
export function aadstsCodes(errorCodes: string | undefined, description: string | undefined): number[] {
  const out: number[] = [];
  if (errorCodes) {
    try {
      const v: unknown = JSON.parse(errorCodes);
      for (const c of Array.isArray(v) ? v : [v]) if (typeof c === 'number' && Number.isInteger(c)) out.push(c);
    } catch {
      // A list that is not JSON: fall back to the description.
    }
  }
  if (!out.length && description) {
    for (const m of description.matchAll(/AADSTS(\d{4,8})\b/g)) {
      const n = Number(m[1]);
      if (!out.includes(n)) out.push(n);
    }
  }
  return out;
}
