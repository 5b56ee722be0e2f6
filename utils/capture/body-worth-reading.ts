import { httpStatusOf } from '../har/http-status';
import type { HarEntry } from '../har/types';
import { detectOidc } from '../oidc/detect';
import { isProtocolExchange } from '../protocols/detectors';
import { hostnameOf } from '../url/url-parts';

// DevTools hands the panel its network log without response bodies (each must be asked for, one call per
// request). The engine reads a few: the token endpoint's JSON answer to a browser's token call, Entra ID's error
// page answered to an authorization or SAML request, an IdP's error page. Only those are asked for.

/** Bodies larger than this are application pages or downloads, never an error the engine reads. */
export const MAX_READ_BODY_BYTES = 256 * 1024;

/** IdPs that answer a sign-in request with their own error page (status 200) instead of a protocol error. */
const ERROR_PAGE_HOSTS = /(^|\.)(login\.microsoftonline\.com|login\.microsoftonline\.us|login\.partner\.microsoftonline\.cn|okta\.com|oktapreview\.com|okta-emea\.com|okta-gov\.com|accounts\.google\.com)$/;

/** Should the capture ask DevTools for this exchange's response body? */
export function bodyWorthReading(entry: HarEntry): boolean {
  const content = entry.response?.content;
  if (typeof content?.text === 'string' && content.text) return false;
  if (typeof content?.size === 'number' && content.size > MAX_READ_BODY_BYTES) return false;
  const mime = typeof content?.mimeType === 'string' ? content.mimeType.toLowerCase() : '';
  if (mime && !mime.includes('json') && !mime.includes('html') && !mime.includes('text/plain')) return false;
  const status = httpStatusOf(entry);
  if (status !== undefined && status >= 300 && status < 400) return false;
  if (status !== undefined && status >= 400) return true;
  if (!isProtocolExchange(entry)) return false;
  // A token call's answer, a discovery document, an error page in place of the authorization response.
  if (detectOidc(entry)?.some((f) => f.kind === 'TokenRequest' || f.kind === 'Discovery' || f.kind === 'AuthorizationRequest')) return true;
  return ERROR_PAGE_HOSTS.test(hostnameOf(entry.request.url) ?? '');
}
