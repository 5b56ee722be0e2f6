// The typed SAML message model (DESIGN.md "Data model"). Everything here is plain data: it survives
// JSON (CLI --json, exports, messages between extension pages).
import type { MessageBase } from '../protocols/types';

export type MessageKind =
  | 'AuthnRequest'
  | 'Response'
  | 'LogoutRequest'
  | 'LogoutResponse'
  | 'ArtifactResolve'
  | 'ArtifactResponse'
  /** A SAML 1.1 Response: recognised and shown, never judged by SAML 2.0 rules. */
  | 'Saml11Response'
  /** A WS-Federation sign-in result (`wresult`): recognised and shown, never judged by SAML 2.0 rules. */
  | 'WsFedResponse'
  /** An HTTP-Artifact reference (SAMLart): recognised and shown, never resolved. */
  | 'Artifact'
  /** A SAML field was present but its content could not be read (see `problem`). */
  | 'Unknown';

export type Binding = 'post' | 'redirect' | 'artifact';

/** The form or query field a message travels in; `wresult` is WS-Federation's. */
export type SamlParam = 'SAMLRequest' | 'SAMLResponse' | 'SAMLart' | 'wresult';

/** Why a message could not be read. Turned into `decode-failed` or `xml-unsafe` findings. */
export interface ReadProblem {
  rule: 'decode-failed' | 'xml-unsafe';
  stage: 'size' | 'base64' | 'inflate' | 'text' | 'xml' | 'not-saml' | 'doctype' | 'entity' | 'depth';
  detail: string;
}

export interface SignatureInfo {
  /** Where the ds:Signature sits. */
  on: 'message' | 'assertion';
  signatureMethod?: string;
  digestMethods: string[];
  hasCertificate: boolean;
}

/** A ds:Signature anywhere in the message: the element it sits in and the Reference URIs it signs. */
export interface PlacedSignature {
  /** Element path from the root, e.g. `Response/Assertion/Signature`. */
  path: string;
  /** Local name of the element the Signature sits in, and that element's ID. */
  in: string;
  inId?: string;
  references: string[];
}

export interface SignatureLayout {
  signatures: PlacedSignature[];
  /** IDs carried by more than one element: a Reference to one of them is ambiguous. */
  duplicateIds: string[];
}

export interface SubjectConfirmation {
  method?: string;
  recipient?: string;
  notOnOrAfter?: string;
  notBefore?: string;
  inResponseTo?: string;
  address?: string;
}

export interface Attribute {
  name: string;
  nameFormat?: string;
  friendlyName?: string;
  values: string[];
}

export interface Assertion {
  id?: string;
  issuer?: string;
  issueInstant?: string;
  subject: {
    nameId?: string;
    nameIdFormat?: string;
    confirmations: SubjectConfirmation[];
  };
  conditions?: {
    notBefore?: string;
    notOnOrAfter?: string;
    audiences: string[];
  };
  authn?: {
    authnInstant?: string;
    sessionIndex?: string;
    sessionNotOnOrAfter?: string;
    contextClassRef?: string;
  };
  attributes: Attribute[];
  signature?: SignatureInfo;
}

export interface SamlStatus {
  code?: string;
  subCode?: string;
  message?: string;
}

export interface AuthnRequestInfo {
  acsUrl?: string;
  protocolBinding?: string;
  nameIdPolicy?: { format?: string; allowCreate?: string };
  forceAuthn?: string;
  isPassive?: string;
}

export interface SamlMessage extends MessageBase {
  /** Unique within one analysis: `<entry index>:<parameter>`. */
  key: string;
  protocol: 'saml';
  kind: MessageKind;
  binding: Binding;
  param: SamlParam;
  /** Index of the exchange in the analyzed list. */
  exchangeIndex: number;
  url: string;
  method: string;
  httpStatus?: number;
  /** Capture time of the exchange (HAR startedDateTime), ISO 8601. */
  capturedAt?: string;
  relayState?: string;
  /** HTTP-Redirect binding signature parameters (SAML bindings §3.4.4.1). */
  redirectSignature?: { sigAlg?: string; signature?: string };

  id?: string;
  inResponseTo?: string;
  destination?: string;
  issueInstant?: string;
  issuer?: string;
  version?: string;
  status?: SamlStatus;
  /** Readable assertions (EncryptedAssertion is counted in `encryptedAssertions`). */
  assertions: Assertion[];
  encryptedAssertions: number;
  /** Where every Signature sits and what it references (only when the message has one). */
  signatureLayout?: SignatureLayout;
  /** The message-level signature (on the Response / request itself), if any. */
  signature?: SignatureInfo;
  request?: AuthnRequestInfo;
  logout?: { nameId?: string; sessionIndex?: string; reason?: string };
  /** Set when the Response arrived inside an ArtifactResponse (HTTP-Artifact binding, SAML bindings §3.6). */
  envelope?: { kind: 'ArtifactResponse'; id?: string; inResponseTo?: string; issuer?: string };
  /** The kind of assertion a WS-Federation result carries. */
  tokenVersion?: 'SAML 1.1' | 'SAML 2.0';
  /** The artifact value for kind 'Artifact'. */
  artifact?: string;

  /** Set by the analysis: the instant its time rules judged the message at, and why that one. */
  /** The parameter value as sent (after URL decoding, before base64). */
  raw: string;
  /** The exact decoded XML text: the faithful source for the raw view. */
  xml?: string;
  /** Set when the message could not be read; the engine turns it into a finding. */
  problem?: ReadProblem;
}
