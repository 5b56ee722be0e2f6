import { detectSaml } from '../saml/detect';
import type { HarEntry } from './types';

/** Bodies of other traffic kept for the sign-in's hops (an error page is short; images and bundles are not). */
export const KEPT_BODY_BYTES = 16 * 1024;
const KEPT_URL_CHARS = 8 * 1024;

/**
 * What a long capture needs to keep of one exchange: all of a SAML exchange; of other traffic, the request
 * line, status, redirect target and a short text body, so that a gigabyte of page assets costs kilobytes.
 */
export function slimEntry(entry: HarEntry): HarEntry {
  if (detectSaml(entry)) return slimSamlEntry(entry);
  const { request, response } = entry;
  const slim: HarEntry = {
    startedDateTime: entry.startedDateTime,
    request: { method: request.method, url: request.url.length > KEPT_URL_CHARS ? request.url.slice(0, KEPT_URL_CHARS) : request.url, headers: [] },
    response: { status: response.status, statusText: response.statusText, headers: response.headers.filter((h) => /^location$/i.test(h.name)) },
  };
  if (entry.time !== undefined) slim.time = entry.time;
  if (response.redirectURL) slim.response.redirectURL = response.redirectURL;
  const content = keptContent(response.content);
  if (content) slim.response.content = content;
  return slim;
}

/**
 * A SAML exchange keeps its request; a form body stored twice (Chrome and Firefox write both `text` and
 * `params`) keeps the parsed params only, and the response body is kept only when it is a short page.
 */
function slimSamlEntry(entry: HarEntry): HarEntry {
  const postData = entry.request.postData;
  const twice = postData?.params?.some((p) => p.name.startsWith('SAML')) && typeof postData.text === 'string';
  const content = keptContent(entry.response.content);
  const response = { ...entry.response };
  if (content) response.content = content;
  else delete response.content;
  if (!twice) return { ...entry, response };
  const { text: _text, ...params } = postData!;
  return { ...entry, request: { ...entry.request, postData: params }, response };
}

function keptContent(content: HarEntry['response']['content']): HarEntry['response']['content'] {
  if (!content) return undefined;
  const kept: NonNullable<HarEntry['response']['content']> = { size: content.size, mimeType: content.mimeType };
  if (typeof content.text === 'string' && content.text.length <= KEPT_BODY_BYTES && /html|json|text/i.test(content.mimeType ?? '')) {
    kept.text = content.text;
    if (content.encoding) kept.encoding = content.encoding;
  }
  return kept;
}
