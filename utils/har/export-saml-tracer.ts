import { decodeSamlValue } from '../saml/decode';
import { detectSaml, parseUrlEncoded } from '../saml/detect';
import type { HarEntry, HarNameValue } from './types';

/**
 * One request as SAML-tracer (simplesamlphp/SAML-tracer) exports it: `post` holds the decoded form fields as
 * [name, value] pairs and `saml` the decoded message, which its trace window shows. SAML-tracer keeps no times
 * and no response bodies; the fields after `responseHeaders` are SSO Lens additions it ignores, so that a
 * re-import here judges the sign-in as the capture did (the loop's timing, an IdP's error page).
 */
export interface SamlTracerRequest {
  requestId: string;
  method: string;
  url: string;
  requestHeaders: HarNameValue[];
  get: Array<[string, string]>;
  post: Array<[string, string]>;
  saml?: string;
  protocol?: 'SAML-P';
  responseStatus: number;
  responseStatusText: string;
  responseHeaders: HarNameValue[];
  startedDateTime?: string;
  time?: number;
  /** A request body that is not a form (JSON, multipart): SAML-tracer's `post` cannot hold it. */
  postData?: string;
  postDataMimeType?: string;
  responseContent?: { mimeType: string; text: string };
}

export interface SamlTracerExport {
  requests: SamlTracerRequest[];
  timestamp: string;
}

const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;
const FORM = /x-www-form-urlencoded/i;

/** The body as decoded form pairs, or undefined when it is not a form. */
function formPairs(postData: HarEntry['request']['postData']): Array<[string, string]> | undefined {
  if (!postData) return [];
  const mime = postData.mimeType ?? '';
  if (typeof postData.text === 'string' && postData.text !== '') {
    const looksLikeForm = FORM.test(mime) || (!mime && !/^\s*[{[<]/.test(postData.text) && postData.text.includes('='));
    return looksLikeForm ? parseUrlEncoded(postData.text).map((f) => [f.name, f.value]) : undefined;
  }
  // Chrome keeps params URL-encoded, Firefox decodes them: decode only what still carries escapes.
  return (postData.params ?? []).map((p) => {
    const value = p.value ?? '';
    return [p.name, PERCENT_ESCAPE.test(value) ? (parseUrlEncoded(`x=${value}`)[0]?.value ?? value) : value];
  });
}

function queryPairs(url: string): Array<[string, string]> {
  try {
    return [...new URL(url).searchParams];
  } catch {
    return [];
  }
}

/** The first SAML message of the exchange, decoded, for SAML-tracer's SAML tab. */
function samlText(entry: HarEntry): string | undefined {
  const message = detectSaml(entry)?.messages.find((m) => m.param !== 'SAMLart');
  if (!message) return undefined;
  const decoded = decodeSamlValue(message.value, message.binding);
  return decoded.ok ? decoded.text : undefined;
}

function requestOf(entry: HarEntry, index: number): SamlTracerRequest {
  const { request, response } = entry;
  const post = formPairs(request.postData);
  const out: SamlTracerRequest = {
    requestId: String(index + 1),
    method: request.method,
    url: request.url,
    requestHeaders: request.headers ?? [],
    get: queryPairs(request.url),
    post: post ?? [],
    responseStatus: response.status,
    responseStatusText: response.statusText ?? '',
    responseHeaders: response.headers ?? [],
  };
  const saml = samlText(entry);
  if (saml !== undefined) {
    out.saml = saml;
    out.protocol = 'SAML-P';
  }
  if (entry.startedDateTime) out.startedDateTime = entry.startedDateTime;
  if (typeof entry.time === 'number') out.time = entry.time;
  if (!post && request.postData?.text !== undefined) {
    out.postData = request.postData.text;
    if (request.postData.mimeType) out.postDataMimeType = request.postData.mimeType;
  }
  const content = response.content;
  if (typeof content?.text === 'string' && content.encoding !== 'base64') out.responseContent = { mimeType: content.mimeType ?? '', text: content.text };
  // A redirect's target: SAML-tracer reads it from the Location header, which a webRequest capture may lack.
  if (response.redirectURL && !out.responseHeaders.some((h) => h.name.toLowerCase() === 'location')) {
    out.responseHeaders = [...out.responseHeaders, { name: 'Location', value: response.redirectURL }];
  }
  return out;
}

/** The entries (already redacted when the user chose so) as a SAML-tracer export, opened by SAML-tracer's Import. */
export function toSamlTracer(entries: readonly HarEntry[], exportedAt: Date): SamlTracerExport {
  return { requests: entries.map(requestOf), timestamp: exportedAt.toISOString() };
}
