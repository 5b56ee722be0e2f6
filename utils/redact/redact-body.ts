import type { HarPostData, HarPostParam } from '../har/types';
import type { RedactContext } from './context';
import { REDACTED } from './placeholders';
import { redactJsonText } from './redact-json';
import { redactSamlXml } from './redact-saml';
import { redactText } from './redact-text';
import { formDecode, redactParam, redactParams } from './redact-url';

const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;

const isXml = (mimeType: string, text: string) => /xml/i.test(mimeType) || text.trimStart().startsWith('<?xml');
const isJson = (mimeType: string, text: string) => /json/i.test(mimeType) || /^\s*[[{]/.test(text.slice(0, 64));

/**
 * A multipart body as Chrome records it (text only): each part by its name, like a form field, SAML fields
 * decoded and re-encoded; a file part is removed. The boundaries and part headers stay.
 */
function redactMultipart(text: string, mimeType: string, ctx: RedactContext): string {
  let boundary = /boundary="?([^";\s]+)"?/i.exec(mimeType)?.[1];
  if (!boundary && text.startsWith('--')) {
    const eol = text.indexOf('\n');
    boundary = text.slice(2, eol < 0 ? undefined : eol).trim();
  }
  if (!boundary) return redactOpaque(text, ctx);
  const delimiter = `--${boundary}`;
  const parts = text.split(delimiter);
  return parts
    .map((part, index) => {
      if (index === 0) return part.trim() ? redactText(part, ctx) : part; // preamble
      const headerEnd = part.indexOf('\r\n\r\n') >= 0 ? part.indexOf('\r\n\r\n') + 4 : part.indexOf('\n\n') >= 0 ? part.indexOf('\n\n') + 2 : -1;
      if (headerEnd < 0) return redactText(part, ctx); // the closing "--" and epilogue
      const headers = part.slice(0, headerEnd);
      let body = part.slice(headerEnd);
      const trail = body.endsWith('\r\n') ? '\r\n' : body.endsWith('\n') ? '\n' : '';
      body = body.slice(0, body.length - trail.length);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      let next: string;
      if (/filename=/i.test(headers)) {
        ctx.p.count('body');
        next = body ? REDACTED : body;
      } else if (name !== undefined) next = redactParam(name, body, 'form', ctx);
      else next = redactOpaque(body, ctx);
      return redactText(headers, ctx) + next + trail;
    })
    .join(delimiter);
}

/** A body SSO Lens cannot read field by field is removed: it may hold anything. */
function redactOpaque(text: string, ctx: RedactContext): string {
  if (!text) return text;
  ctx.p.count('body');
  return REDACTED;
}

const isFormText = (text: string, mimeType: string) =>
  !/multipart\//i.test(mimeType) && (/x-www-form-urlencoded/i.test(mimeType) || (!mimeType && !text.includes('<') && !/^\s*[[{]/.test(text.slice(0, 64))));

/** Request and response bodies: forms field by field, JSON key by key, SAML/SOAP XML element by element. */
export function redactBodyText(text: string, mimeType: string, ctx: RedactContext): string {
  if (!text) return text;
  if (/multipart\//i.test(mimeType)) return redactMultipart(text, mimeType, ctx);
  if (isFormText(text, mimeType)) return redactParams(text, 'form', ctx);
  if (isJson(mimeType, text)) return redactJsonText(text, ctx) ?? redactOpaque(text, ctx);
  if (isXml(mimeType, text) && /(SAML|saml|urn:oasis)/.test(text.slice(0, 4096))) return redactSamlXml(text, ctx);
  return redactOpaque(text, ctx);
}

export function redactPostData(post: unknown, ctx: RedactContext): HarPostData | undefined {
  if (!post || typeof post !== 'object') return undefined;
  const { mimeType: m, text: t, params: ps, _truncated } = post as Record<string, unknown>;
  const mimeType = typeof m === 'string' ? m : '';
  const out: HarPostData = { mimeType };
  const params = Array.isArray(ps) ? (ps as unknown[]).filter((p): p is HarPostParam => !!p && typeof p === 'object' && typeof (p as HarPostParam).name === 'string') : undefined;
  if (typeof t === 'string') out.text = redactBodyText(t, mimeType, ctx);
  if (params) {
    if (out.text !== undefined && isFormText(out.text, mimeType)) {
      // The params repeat the form text (Chrome): they are read back from the redacted text, encoded as Chrome writes them.
      out.params = out.text
        .split('&')
        .filter(Boolean)
        .map((pair) => {
          const eq = pair.indexOf('=');
          return eq < 0 ? { name: pair, value: '' } : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
        });
    } else {
      // With a multipart text there too, the params repeat it: their replacements are not counted twice.
      const redactEach = () => params.map((p) => redactPostParam(p, mimeType, ctx));
      out.params = out.text !== undefined ? ctx.p.silently(redactEach) : redactEach();
    }
  }
  if (_truncated === true) out._truncated = true;
  return out;
}

function redactPostParam(p: HarPostParam, mimeType: string, ctx: RedactContext): HarPostParam {
  const value = typeof p.value === 'string' ? p.value : '';
  const param: HarPostParam = { name: redactText(p.name, ctx) };
  if (p.fileName !== undefined) {
    if (typeof p.fileName === 'string') param.fileName = redactText(p.fileName, ctx);
    if (typeof p.contentType === 'string') param.contentType = p.contentType;
    ctx.p.count('body');
    param.value = value ? REDACTED : value;
    return param;
  }
  // Chrome keeps urlencoded params encoded, Firefox decodes them: read them the way SAML detection does.
  const urlencoded = !/multipart\//i.test(mimeType);
  const encoded = urlencoded && PERCENT_ESCAPE.test(value);
  const decoded = encoded ? formDecode(value) : value;
  const next = redactParam(urlencoded ? formDecode(p.name) : p.name, decoded, 'form', ctx);
  param.value = next === decoded ? value : encoded ? encodeURIComponent(next) : next;
  return param;
}
