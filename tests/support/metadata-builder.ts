// SAML metadata built at test time around certificates made at test time.
import { keyFile } from './crypto-fixtures';

const b64 = (pem: string) => pem.replace(/-----[^-]+-----|\s/g, '');

/** Federation metadata shaped like Entra ID's (an IdP role, a WS-Fed role that must be ignored, two certificates). */
export function idpMetadata(entityId: string, certs: string[], sso = 'https://login.microsoftonline.com/tenant/saml2'): string {
  const kd = (use: string, pem: string) => `<KeyDescriptor use="${use}"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>${b64(pem)}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>`;
  return (
    `<?xml version="1.0" encoding="utf-8"?><EntityDescriptor ID="_m" entityID="${entityId}" xmlns="urn:oasis:names:tc:SAML:2.0:metadata">` +
    `<RoleDescriptor xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="fed:SecurityTokenServiceType" protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706">${kd('signing', keyFile('gosaml2-oam_cert.pem'))}</RoleDescriptor>` +
    `<IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${certs.map((c) => kd('signing', c)).join('')}${kd('encryption', keyFile('gosaml2-okta_cert.pem'))}` +
    `<SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${sso}"/>` +
    `<SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${sso}"/>` +
    `<SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${sso}/post"/>` +
    `</IDPSSODescriptor></EntityDescriptor>`
  );
}
