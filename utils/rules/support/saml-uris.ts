// URIs SAML and XML Signature define, that protocol rules compare against.
export const STATUS_PREFIX = 'urn:oasis:names:tc:SAML:2.0:status:';
export const STATUS_SUCCESS = `${STATUS_PREFIX}Success`;

/** SAML core §3.2.2.2 and profiles §4.1.4.2: the confirmation method of Web Browser SSO. */
export const CM_BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

/** The last segment of a status or algorithm URI: `…:status:Responder` → `Responder`, `…#rsa-sha1` → `rsa-sha1`. */
export function shortUri(uri: string): string {
  const cut = Math.max(uri.lastIndexOf(':'), uri.lastIndexOf('#'), uri.lastIndexOf('/'));
  return cut >= 0 && cut < uri.length - 1 ? uri.slice(cut + 1) : uri;
}
