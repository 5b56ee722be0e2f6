import { defineRule } from './define-rule';
import { SPEC, ENTRA, OKTA } from './support/docs-links';
import { shortUri, STATUS_PREFIX, STATUS_SUCCESS } from './support/saml-uris';
import type { Fix } from './types';

// What the common second-level codes (SAML core §3.2.2.2) mean for the admin, in the order they ask.
const SUB_CODE_HINT: Record<string, string> = {
  AuthnFailed: 'the IdP could not authenticate the user (wrong credentials, MFA not completed, account locked or disabled)',
  RequestDenied: 'the IdP refused to answer this SP (the user is not allowed to use the app, or a policy blocks it)',
  InvalidNameIDPolicy: 'the IdP cannot issue the NameID format the AuthnRequest asked for',
  NoPassive: 'the SP asked for passive sign-in but the user must interact with the IdP',
  NoAuthnContext: 'the IdP cannot meet the authentication context the SP asked for (e.g. a specific MFA class)',
  UnknownPrincipal: 'the IdP does not know this user',
  RequestUnsupported: 'the IdP does not support what the AuthnRequest asked for',
  UnsupportedBinding: 'the IdP cannot answer with the binding the SP asked for',
};
const TOP_CODE_HINT: Record<string, string> = {
  Requester: 'the IdP blames the request (usually an SP entity ID or ACS URL it does not know, or an unsigned request where it expects a signature)',
  Responder: 'the IdP failed on its side (its sign-in log holds the reason)',
  VersionMismatch: 'the IdP does not accept the SAML version of the request',
};

const FIX: Fix = {
  generic:
    "The IdP refused the sign-in: read the StatusMessage and the IdP's sign-in log for this attempt, fix what it names (user access, SP entity ID, ACS URL, NameID format), then sign in again.",
  entra: `Look up the attempt in ${ENTRA.signInLogs}: the AADSTS code there names the cause.`,
  okta: `Look up the attempt in ${OKTA.systemLog} (filter on the app): the event names the cause.`,
};

// Requester: the IdP blames what the SP sent, so the fix is in how the SP is registered at the IdP.
const REQUESTER_FIX: Fix = {
  generic:
    "The IdP rejected the SP's request: compare the SP entity ID (Issuer of the AuthnRequest) and the ACS URL with the application registered at the IdP, and whether the IdP requires signed requests. The StatusMessage or the IdP's log names which.",
  entra: `In ${ENTRA.basicSaml}, the Identifier (Entity ID) must equal the AuthnRequest's Issuer and the Reply URL its ACS URL; ${ENTRA.signInLogs} gives the AADSTS code.`,
  okta: `In ${OKTA.samlSettings}, Audience URI must equal the AuthnRequest's Issuer and Single sign-on URL its ACS URL; ${OKTA.systemLog} names the cause.`,
};

// Responder: the IdP failed on its side; the user's account or access is the usual cause.
const RESPONDER_FIX: Fix = {
  generic:
    "The IdP failed the sign-in on its side: its sign-in log for this attempt names the cause (credentials, MFA, a disabled account, the user not allowed to use the application). Fix it there and sign in again; nothing in the SP needs to change.",
  entra: FIX.entra!,
  okta: FIX.okta!,
};

const NO_STATUS_FIX: Fix = {
  generic:
    'SAML requires every Response to carry Status/StatusCode: without it the SP treats the answer as failed. The IdP (or a proxy rewriting its answer) is not SAML 2.0 compliant: check its SAML version and template, or capture the Response straight from the IdP.',
};

const LOGOUT_FIX: Fix = {
  generic:
    "The IdP refused or failed the sign-out: the user's IdP session may still be open, so the next sign-in can skip the login page. Read the IdP's log for the logout, check the SP's Single Logout URL and whether the IdP requires signed LogoutRequests; the user can close the browser to end the IdP session meanwhile.",
  entra: `Entra ID logs sign-outs in ${ENTRA.signInLogs} only partly: check the Logout URL in ${ENTRA.basicSaml}.`,
  okta: `Check Single Logout in ${OKTA.advanced} and the event in ${OKTA.systemLog}.`,
};

function fixFor(kind: string, top: string | undefined): Fix {
  if (kind === 'LogoutResponse') return LOGOUT_FIX;
  if (top === 'Requester') return REQUESTER_FIX;
  if (top === 'Responder') return RESPONDER_FIX;
  return FIX;
}

export default defineRule({
  id: 'status-not-success',
  severity: 'error',
  title: 'The IdP answered with an error status',
  description:
    "The Response's top-level StatusCode is not Success (or is missing), so it carries no usable assertion: the IdP refused or failed the sign-in (or the sign-out, for a LogoutResponse). Requester blames the SP's request, Responder the IdP itself; the sub-code and StatusMessage, when present, say why.",
  docs: SPEC.core,
  fix: FIX,
  appliesTo: ['Response', 'LogoutResponse', 'ArtifactResponse'],
  check({ message }) {
    const status = message.status;
    const what = message.kind === 'LogoutResponse' ? 'sign-out' : 'sign-in';
    if (!status?.code) {
      return [
        {
          message: `The ${message.kind} has no ${status ? 'StatusCode' : 'Status element'}, which SAML requires: the SP cannot tell whether the ${what} succeeded and treats it as failed.`,
          evidence: { path: `${message.kind}/Status/StatusCode/@Value`, value: '(absent)' },
          fix: NO_STATUS_FIX,
        },
      ];
    }
    if (status.code === STATUS_SUCCESS) return [];
    const top = shortUri(status.code);
    const sub = status.subCode ? shortUri(status.subCode) : undefined;
    const known = status.code.startsWith(STATUS_PREFIX);
    const parts = [`The IdP answered ${message.kind === 'LogoutResponse' ? 'the sign-out ' : ''}with status ${known ? top : `"${status.code}"`}`];
    if (sub) parts.push(`, sub-code ${status.subCode!.startsWith(STATUS_PREFIX) ? sub : `"${status.subCode}"`}`);
    if (status.message) parts.push(` and the message "${status.message}"`);
    const hint = (sub && SUB_CODE_HINT[sub]) ?? (known ? TOP_CODE_HINT[top] : undefined);
    const meaning = hint ? `: ${hint}.` : known ? '.' : ' (not a SAML status code URI: the IdP is misconfigured or not SAML 2.0 compliant).';
    return [
      {
        message: `${parts.join('')}${meaning}`,
        evidence: {
          path: `${message.kind}/Status/StatusCode/@Value`,
          value: status.code,
          ...(status.subCode ? { subCode: status.subCode } : {}),
          ...(status.message ? { statusMessage: status.message } : {}),
        },
        fix: fixFor(message.kind, known ? top : undefined),
      },
    ];
  },
});
