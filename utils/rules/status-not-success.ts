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

export default defineRule({
  id: 'status-not-success',
  severity: 'error',
  title: 'The IdP answered with an error status',
  description:
    "The Response's top-level StatusCode is not Success, so it carries no usable assertion: the IdP refused or failed the sign-in. The sub-code and StatusMessage, when present, say why.",
  docs: SPEC.core,
  fix: FIX,
  appliesTo: ['Response', 'LogoutResponse'],
  check({ message }) {
    const status = message.status;
    if (!status?.code) {
      return [
        {
          message: `The ${message.kind} has no StatusCode, which SAML requires: the SP cannot tell whether the sign-in succeeded.`,
          evidence: { path: `${message.kind}/Status/StatusCode/@Value`, value: '(absent)' },
          fix: FIX,
        },
      ];
    }
    if (status.code === STATUS_SUCCESS) return [];
    const top = shortUri(status.code);
    const sub = status.subCode ? shortUri(status.subCode) : undefined;
    const known = status.code.startsWith(STATUS_PREFIX);
    const parts = [`The IdP answered with status ${known ? top : `"${status.code}"`}`];
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
        fix: FIX,
      },
    ];
  },
});
