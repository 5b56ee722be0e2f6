// Messages that travel like SAML 2.0 but are not: SAML 1.1 Responses (Shibboleth 1.3, older ADFS and Java
// stacks) and WS-Federation sign-in results (`wresult`, ADFS and Entra ID's WS-Fed endpoint). They are read
// enough to be named and shown, and never judged by SAML 2.0 rules: a SAML 1.1 StatusCode is a QName
// ("samlp:Success"), not a URI, and its assertion has no Subject confirmation data to check.
import type { XmlNode } from './parse';
import type { Assertion, Attribute, SamlMessage } from './types';
import { attr, child, children, childText, text } from './xml-node';

export type OtherProtocolFields = Pick<SamlMessage, 'id' | 'inResponseTo' | 'destination' | 'issueInstant' | 'issuer' | 'version' | 'status' | 'assertions'>;

/** A SAML 1.x protocol message says so with MajorVersion (SAML 1.1 §3.2.2.1); SAML 2.0 has Version only. */
export function isSaml1Message(root: XmlNode): boolean {
  return attr(root, 'MajorVersion') === '1' && attr(root, 'Version') === undefined;
}

export function readSaml11Response(root: XmlNode): OtherProtocolFields {
  const assertions = children(root, 'Assertion').map(readSaml11Assertion);
  const status = child(root, 'Status', 'StatusCode');
  return dropUndefined({
    id: attr(root, 'ResponseID'),
    inResponseTo: attr(root, 'InResponseTo'),
    destination: attr(root, 'Recipient'),
    issueInstant: attr(root, 'IssueInstant'),
    issuer: assertions[0]?.issuer,
    version: `${attr(root, 'MajorVersion')}.${attr(root, 'MinorVersion') ?? '0'}`,
    status: status ? dropUndefined({ code: attr(status, 'Value'), message: childText(root, 'Status', 'StatusMessage') }) : undefined,
    assertions,
  });
}

/**
 * A WS-Federation `wresult` (WS-Federation 1.2 §13.6.2): a RequestSecurityTokenResponse (or a collection of
 * them) whose RequestedSecurityToken holds a SAML 1.1 or SAML 2.0 assertion.
 */
export function readWsFedResult(root: XmlNode): OtherProtocolFields & Pick<SamlMessage, 'tokenVersion'> {
  const responses = children(root, 'RequestSecurityTokenResponse');
  const rstr = responses[0] ?? root;
  const token = child(rstr, 'RequestedSecurityToken');
  const assertionNode = child(token, 'Assertion');
  const saml1 = !!assertionNode && attr(assertionNode, 'MajorVersion') === '1';
  const assertion = assertionNode ? (saml1 ? readSaml11Assertion(assertionNode) : readSaml2AssertionSummary(assertionNode)) : undefined;
  const audience = childText(rstr, 'AppliesTo', 'EndpointReference', 'Address');
  return dropUndefined({
    id: assertion?.id,
    issueInstant: childText(rstr, 'Lifetime', 'Created') ?? assertion?.issueInstant,
    destination: audience,
    issuer: assertion?.issuer,
    version: 'WS-Federation',
    tokenVersion: assertionNode ? (saml1 ? ('SAML 1.1' as const) : ('SAML 2.0' as const)) : undefined,
    assertions: assertion ? [assertion] : [],
  });
}

function readSaml11Assertion(node: XmlNode): Assertion {
  const conditions = child(node, 'Conditions');
  const statements = [...children(node, 'AuthenticationStatement'), ...children(node, 'AttributeStatement')];
  const nameId = statements.map((s) => child(s, 'Subject', 'NameIdentifier')).find(Boolean);
  return dropUndefined({
    id: attr(node, 'AssertionID'),
    issuer: attr(node, 'Issuer'),
    issueInstant: attr(node, 'IssueInstant'),
    subject: dropUndefined({ nameId: text(nameId), nameIdFormat: attr(nameId, 'Format'), confirmations: [] }),
    conditions: conditions && {
      ...dropUndefined({ notBefore: attr(conditions, 'NotBefore'), notOnOrAfter: attr(conditions, 'NotOnOrAfter') }),
      audiences: children(conditions, 'AudienceRestrictionCondition').flatMap((r) => children(r, 'Audience').map((a) => text(a) ?? '')),
    },
    attributes: children(node, 'AttributeStatement').flatMap((s) =>
      children(s, 'Attribute').map(
        (a): Attribute => dropUndefined({ name: attr(a, 'AttributeName') ?? '', nameFormat: attr(a, 'AttributeNamespace'), values: children(a, 'AttributeValue').map((v) => text(v) ?? '') }),
      ),
    ),
  });
}

function readSaml2AssertionSummary(node: XmlNode): Assertion {
  const nameId = child(node, 'Subject', 'NameID');
  return dropUndefined({
    id: attr(node, 'ID'),
    issuer: childText(node, 'Issuer'),
    issueInstant: attr(node, 'IssueInstant'),
    subject: dropUndefined({ nameId: text(nameId), nameIdFormat: attr(nameId, 'Format'), confirmations: [] }),
    attributes: children(node, 'AttributeStatement').flatMap((s) =>
      children(s, 'Attribute').map((a): Attribute => dropUndefined({ name: attr(a, 'Name') ?? '', values: children(a, 'AttributeValue').map((v) => text(v) ?? '') })),
    ),
  });
}

function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}
