import { readIdpErrorPage } from '../flow/idp-error-page';
import { isProtocolExchange } from '../protocols/detectors';
import type { HarEntry } from './types';

/** Bodies of other traffic kept whole when short (a landing page); longer ones only when they are an IdP error page. */
export const KEPT_BODY_CHARS = 16 * 1024;
/** How much of an IdP error page is kept: what the error page reader scans. */
const KEPT_ERROR_PAGE_CHARS = 256 * 1024;
const KEPT_URL_CHARS = 8 * 1024;

/**
 * What a long capture needs to keep of one exchange: all of a protocol exchange (a form body stored twice, as
 * `text` and `params`, once); of other traffic, the request line, status, redirect target and a short text
 * body or an IdP error page, so that a gigabyte of page assets costs kilobytes while the flow's hops survive.
 */
export function slimEntry(entry: HarEntry): HarEntry {
  if (isProtocolExchange(entry)) return withoutDoubleBody(entry);
  const { request, response } = entry;
  const slim: HarEntry = {
    startedDateTime: entry.startedDateTime,
    request: { method: request.method, url: request.url.length > KEPT_URL_CHARS ? request.url.slice(0, KEPT_URL_CHARS) : request.url, headers: [] },
    response: { status: response.status, statusText: response.statusText, headers: response.headers.filter((h) => /^location$/i.test(h.name)) },
  };
  if (entry.time !== undefined) slim.time = entry.time;
  if (response.redirectURL) slim.response.redirectURL = response.redirectURL;
  const content = response.content;
  if (content) {
    slim.response.content = { size: content.size, mimeType: content.mimeType };
    if (typeof content.text === 'string' && /html|json|text/i.test(content.mimeType ?? '')) {
      const keep = content.text.length <= KEPT_BODY_CHARS ? content.text.length : readIdpErrorPage(entry) ? KEPT_ERROR_PAGE_CHARS : 0;
      if (keep) {
        slim.response.content.text = content.text.slice(0, keep);
        if (content.encoding) slim.response.content.encoding = content.encoding;
      }
    }
  }
  return slim;
}

function withoutDoubleBody(entry: HarEntry): HarEntry {
  const postData = entry.request.postData;
  if (!postData?.params?.some((p) => p.name.startsWith('SAML')) || typeof postData.text !== 'string') return entry;
  const { text: _text, ...params } = postData;
  return { ...entry, request: { ...entry.request, postData: params } };
}
