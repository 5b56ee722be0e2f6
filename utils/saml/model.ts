import type { XmlNode } from './parse';
import type { Assertion, Attribute, MessageKind, PlacedSignature, SamlMessage, SignatureInfo, SignatureLayout, SubjectConfirmation } from './types';
import { attr, child, children, childText, text } from './xml-node';

const KINDS: readonly MessageKind[] = ['AuthnRequest', 'Response', 'LogoutRequest', 'LogoutResponse', 'ArtifactResolve', 'ArtifactResponse'];

export function isKnownKind(rootName: string): rootName is MessageKind {
  return (KINDS as readonly string[]).includes(rootName);
}

/** The protocol fields of a parsed message (SAML core §3), as plain data. */
export type MessageFields = Pick<
  SamlMessage,
  'id' | 'inResponseTo' | 'destination' | 'issueInstant' | 'issuer' | 'version' | 'status' | 'assertions' | 'encryptedAssertions' | 'signature' | 'request' | 'logout' | 'signatureLayout'
>;

export function readMessage(kind: MessageKind, root: XmlNode): MessageFields {
  const fields: MessageFields = {
    id: attr(root, 'ID'),
    inResponseTo: attr(root, 'InResponseTo'),
    destination: attr(root, 'Destination'),
    issueInstant: attr(root, 'IssueInstant'),
    issuer: childText(root, 'Issuer'),
    version: attr(root, 'Version'),
    assertions: children(root, 'Assertion').map(readAssertion),
    encryptedAssertions: children(root, 'EncryptedAssertion').length,
    signature: readSignature(child(root, 'Signature'), 'message'),
  };
  const layout = readSignatureLayout(kind, root);
  if (layout.signatures.length) fields.signatureLayout = layout;
  const status = child(root, 'Status');
  if (status) {
    const code = child(status, 'StatusCode');
    fields.status = {
      code: attr(code, 'Value'),
      subCode: attr(child(code, 'StatusCode'), 'Value'),
      message: childText(status, 'StatusMessage'),
    };
  }
  if (kind === 'AuthnRequest') {
    const policy = child(root, 'NameIDPolicy');
    fields.request = {
      acsUrl: attr(root, 'AssertionConsumerServiceURL'),
      protocolBinding: attr(root, 'ProtocolBinding'),
      nameIdPolicy: policy ? { format: attr(policy, 'Format'), allowCreate: attr(policy, 'AllowCreate') } : undefined,
      forceAuthn: attr(root, 'ForceAuthn'),
      isPassive: attr(root, 'IsPassive'),
    };
  }
  if (kind === 'LogoutRequest') {
    fields.logout = { nameId: childText(root, 'NameID'), sessionIndex: childText(root, 'SessionIndex'), reason: attr(root, 'Reason') };
  }
  return dropUndefined(fields);
}

function readAssertion(node: XmlNode): Assertion {
  const subject = child(node, 'Subject');
  const nameId = child(subject, 'NameID');
  const conditions = child(node, 'Conditions');
  const authn = child(node, 'AuthnStatement');
  const assertion: Assertion = {
    id: attr(node, 'ID'),
    issuer: childText(node, 'Issuer'),
    issueInstant: attr(node, 'IssueInstant'),
    subject: {
      nameId: text(nameId),
      nameIdFormat: attr(nameId, 'Format'),
      confirmations: children(subject, 'SubjectConfirmation').map(readConfirmation),
    },
    conditions: conditions && {
      notBefore: attr(conditions, 'NotBefore'),
      notOnOrAfter: attr(conditions, 'NotOnOrAfter'),
      audiences: children(conditions, 'AudienceRestriction').flatMap((r) =>
        children(r, 'Audience').map((a) => text(a) ?? ''),
      ),
    },
    authn: authn && {
      authnInstant: attr(authn, 'AuthnInstant'),
      sessionIndex: attr(authn, 'SessionIndex'),
      sessionNotOnOrAfter: attr(authn, 'SessionNotOnOrAfter'),
      contextClassRef: childText(authn, 'AuthnContext', 'AuthnContextClassRef'),
    },
    attributes: children(node, 'AttributeStatement').flatMap((s) => children(s, 'Attribute').map(readAttribute)),
    signature: readSignature(child(node, 'Signature'), 'assertion'),
  };
  return dropUndefined(assertion);
}

function readConfirmation(node: XmlNode): SubjectConfirmation {
  const data = child(node, 'SubjectConfirmationData');
  return dropUndefined({
    method: attr(node, 'Method'),
    recipient: attr(data, 'Recipient'),
    notOnOrAfter: attr(data, 'NotOnOrAfter'),
    notBefore: attr(data, 'NotBefore'),
    inResponseTo: attr(data, 'InResponseTo'),
    address: attr(data, 'Address'),
  });
}

function readAttribute(node: XmlNode): Attribute {
  return dropUndefined({
    name: attr(node, 'Name') ?? '',
    nameFormat: attr(node, 'NameFormat'),
    friendlyName: attr(node, 'FriendlyName'),
    // An AttributeValue with xsi:nil or no text is an empty value, kept so that counts stay faithful.
    values: children(node, 'AttributeValue').map((v) => text(v) ?? ''),
  });
}

function readSignature(node: XmlNode | undefined, on: SignatureInfo['on']): SignatureInfo | undefined {
  if (!node) return undefined;
  const signedInfo = child(node, 'SignedInfo');
  return dropUndefined({
    on,
    signatureMethod: attr(child(signedInfo, 'SignatureMethod'), 'Algorithm'),
    digestMethods: children(signedInfo, 'Reference')
      .map((r) => attr(child(r, 'DigestMethod'), 'Algorithm'))
      .filter((a): a is string => !!a),
    hasCertificate: !!child(node, 'KeyInfo', 'X509Data', 'X509Certificate'),
  });
}

/**
 * Every ds:Signature wherever it sits (signature wrapping hides one in Extensions, StatusDetail or ds:Object),
 * the element it sits in and what it references, and the IDs that more than one element carries.
 */
function readSignatureLayout(kind: string, root: XmlNode): SignatureLayout {
  const signatures: PlacedSignature[] = [];
  const idCounts = new Map<string, number>();
  const visit = (node: XmlNode, name: string, path: string) => {
    const id = attr(node, 'ID');
    if (id !== undefined) idCounts.set(id, (idCounts.get(id) ?? 0) + 1);
    for (const key of Object.keys(node)) {
      if (key === '@' || key === '#text') continue;
      for (const c of children(node, key)) {
        if (key === 'Signature') {
          const placed: PlacedSignature = { path: `${path}/Signature`, in: name, references: children(child(c, 'SignedInfo'), 'Reference').map((r) => attr(r, 'URI') ?? '') };
          if (id !== undefined) placed.inId = id;
          signatures.push(placed);
        }
        visit(c, key, `${path}/${key}`);
      }
    }
  };
  visit(root, kind, kind);
  return { signatures, duplicateIds: [...idCounts].filter(([, n]) => n > 1).map(([id]) => id) };
}

/**
 * Keeps JSON output and test snapshots free of `key: undefined`. A copy rather than `delete`: an object that
 * loses a property becomes a slow dictionary for every rule that reads it afterwards.
 */
function dropUndefined<T extends object>(o: T): T {
  const out = {} as T;
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
