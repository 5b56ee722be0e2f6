/**
 * Attribute names by OID (urn:oid:…), as LDAP, eduPerson and Active Directory define them: the names IdPs
 * like Shibboleth and SimpleSAMLphp send with the urn:oasis:names:tc:SAML:2.0:attrname-format:uri format.
 */
const OID_NAMES: Readonly<Record<string, string>> = {
  '0.9.2342.19200300.100.1.1': 'uid',
  '0.9.2342.19200300.100.1.3': 'mail',
  '2.5.4.3': 'cn',
  '2.5.4.4': 'sn',
  '2.5.4.10': 'o',
  '2.5.4.11': 'ou',
  '2.5.4.20': 'telephoneNumber',
  '2.5.4.42': 'givenName',
  '2.16.840.1.113730.3.1.241': 'displayName',
  '1.2.840.113556.1.2.102': 'memberOf',
  '1.3.6.1.4.1.5923.1.1.1.1': 'eduPersonAffiliation',
  '1.3.6.1.4.1.5923.1.1.1.6': 'eduPersonPrincipalName',
  '1.3.6.1.4.1.5923.1.1.1.7': 'eduPersonEntitlement',
  '1.3.6.1.4.1.5923.1.1.1.9': 'eduPersonScopedAffiliation',
  '1.3.6.1.4.1.5923.1.5.1.1': 'isMemberOf',
};

/**
 * The short name a reader knows an attribute by, when its name is a long URI: the claim's last segment
 * (`…/identity/claims/emailaddress` → `emailaddress`), or the LDAP name of an OID (`urn:oid:2.5.4.42` →
 * `givenName`). Undefined for a name that is already short, so views show nothing twice.
 */
export function shortAttributeName(name: string): string | undefined {
  const oid = /^urn:oid:([\d.]+)$/i.exec(name)?.[1];
  if (oid) return OID_NAMES[oid];
  const rest = /^(?:https?:\/\/|urn:)(.*)$/i.exec(name)?.[1];
  // A bare host or scheme has no segment to name the attribute by.
  if (!rest || !/[/#:]/.test(rest.replace(/[/#:]+$/, ''))) return undefined;
  return /[^/#:]+$/.exec(rest.replace(/[/#:]+$/, ''))?.[0];
}
