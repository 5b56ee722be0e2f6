import acsForbidden from './acs-forbidden';
import acsUrlMismatch from './acs-url-mismatch';
import assertionExpired from './assertion-expired';
import audienceMismatch from './audience-mismatch';
import bearerConfirmationInvalid from './bearer-confirmation-invalid';
import clockSkew from './clock-skew';
import confirmationExpired from './confirmation-expired';
import decodeFailed from './decode-failed';
import destinationMismatch from './destination-mismatch';
import encryptedAssertion from './encrypted-assertion';
import entraNotAssigned from './entra-not-assigned';
import idpInitiated from './idp-initiated';
import inresponsetoMismatch from './inresponseto-mismatch';
import notYetValid from './not-yet-valid';
import recipientMismatch from './recipient-mismatch';
import redirectSignatureParams from './redirect-signature-params';
import relaystateTooLong from './relaystate-too-long';
import responseUnsigned from './response-unsigned';
import sha1Signature from './sha1-signature';
import signatureWrapping from './signature-wrapping';
import statusNotSuccess from './status-not-success';
import unsigned from './unsigned';
import xmlUnsafe from './xml-unsafe';
import type { Rule } from './types';

/** Protocol and flow rules: what any SAML SP checks. In the order a sign-in fails: status, flow, transport, time, signature. */
export const PROTOCOL_RULES: readonly Rule[] = [
  decodeFailed,
  xmlUnsafe,
  statusNotSuccess,
  entraNotAssigned,
  idpInitiated,
  inresponsetoMismatch,
  destinationMismatch,
  recipientMismatch,
  audienceMismatch,
  acsUrlMismatch,
  acsForbidden,
  notYetValid,
  assertionExpired,
  confirmationExpired,
  clockSkew,
  bearerConfirmationInvalid,
  signatureWrapping,
  unsigned,
  responseUnsigned,
  sha1Signature,
  encryptedAssertion,
  redirectSignatureParams,
  relaystateTooLong,
];
