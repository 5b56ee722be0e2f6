import { deflateSync } from 'fflate';
import { decodeSamlValue } from '../saml/decode';
import type { Binding } from '../saml/types';
import type { RedactContext } from './context';
import { REDACTED_BASE64, type RedactionKind } from './placeholders';
import { redactText } from './redact-text';
import { isGroupName } from './secret-names';

// SAML XML, redacted element by element in one forward pass (no regular expression on the message, so a
// hostile message costs linear time): the personal and secret content goes, the structure stays, so the
// redacted message decodes and analyzes to the same findings (kinds, IDs, issuers, audiences, times,
// algorithms, status codes, attribute names, an EncryptedAssertion as such).

type Policy = 'nameid' | 'attribute' | 'base64' | 'certificate-subject' | 'session-index' | 'status-message';

/** Elements whose whole content is replaced, by local name. */
const SECRET_ELEMENTS = new Map<string, Policy>([
  ['NameID', 'nameid'],
  ['NameIdentifier', 'nameid'], // SAML 1.1
  ['AttributeValue', 'attribute'],
  ['SignatureValue', 'base64'],
  ['DigestValue', 'base64'],
  ['X509Certificate', 'base64'],
  ['X509CRL', 'base64'],
  ['CipherValue', 'base64'],
  ['X509SubjectName', 'certificate-subject'],
  ['SessionIndex', 'session-index'],
  ['StatusMessage', 'status-message'],
]);

const BASE64_KIND: Record<string, RedactionKind> = {
  SignatureValue: 'signature',
  DigestValue: 'signature',
  X509Certificate: 'certificate',
  X509CRL: 'certificate',
  CipherValue: 'encrypted-data',
};

const DOCUMENTATION_ADDRESS = '192.0.2.1'; // RFC 5737

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text content of an element's inner XML: tags and comments dropped, CDATA unwrapped, entities decoded. */
function textContent(inner: string): string {
  let out = '';
  let i = 0;
  while (i < inner.length) {
    const lt = inner.indexOf('<', i);
    const chunk = inner.slice(i, lt < 0 ? inner.length : lt);
    out += chunk.includes('&') ? decodeEntities(chunk) : chunk;
    if (lt < 0) break;
    if (inner.startsWith('<![CDATA[', lt)) {
      const end = inner.indexOf(']]>', lt + 9);
      out += inner.slice(lt + 9, end < 0 ? inner.length : end);
      i = end < 0 ? inner.length : end + 3;
    } else if (inner.startsWith('<!--', lt)) {
      const end = inner.indexOf('-->', lt + 4);
      i = end < 0 ? inner.length : end + 3;
    } else {
      const end = inner.indexOf('>', lt);
      i = end < 0 ? inner.length : end + 1;
    }
  }
  return out;
}

function decodeEntities(s: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const amp = s.indexOf('&', i);
    if (amp < 0) return out + s.slice(i);
    const semi = s.indexOf(';', amp);
    out += s.slice(i, amp);
    if (semi < 0 || semi - amp > 10) {
      out += '&';
      i = amp + 1;
      continue;
    }
    const name = s.slice(amp + 1, semi);
    let ch = ENTITIES[name];
    if (ch === undefined && name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff) ch = String.fromCodePoint(code);
    }
    if (ch === undefined) {
      out += '&';
      i = amp + 1;
    } else {
      out += ch;
      i = semi + 1;
    }
  }
}

/**
 * A StatusMessage keeps its error codes and wording ("AADSTS50105: … is not assigned"); what is quoted in it
 * (user names, UPNs) and e-mail addresses go.
 */
export function redactStatusMessage(inner: string, ctx: RedactContext): string {
  const quotes = ["'", '"', '&quot;', '&apos;', '\u2018', '\u201c'];
  const closing: Record<string, string> = { '\u2018': '\u2019', '\u201c': '\u201d' };
  // The next position of each opening quote, moved forward only: linear however many quotes there are.
  const next = quotes.map(() => -2);
  let out = '';
  let i = 0;
  while (i < inner.length) {
    let open = -1;
    let q = '';
    for (let k = 0; k < quotes.length; k++) {
      if (next[k]! !== -1 && next[k]! < i) next[k] = inner.indexOf(quotes[k]!, i);
      const at = next[k]!;
      if (at >= 0 && (open < 0 || at < open)) {
        open = at;
        q = quotes[k]!;
      }
    }
    if (open < 0) break;
    const closeQuote = closing[q] ?? q;
    const close = inner.indexOf(closeQuote, open + q.length);
    if (close < 0) break;
    const quoted = inner.slice(open + q.length, close);
    out += inner.slice(i, open + q.length) + (quoted.trim() ? ctx.p.for(quoted, 'value', 'status-message') : quoted) + closeQuote;
    i = close + closeQuote.length;
  }
  // E-mail addresses and named secrets outside quotes too.
  return redactAccounts(redactText(out + inner.slice(i), ctx), ctx);
}

const isAccountChar = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2e || c === 0x5f || c === 0x2d || c >= 0x80;

/** Windows account names, `CORP\jdoe`: the domain is the organization's, the account the person's. */
function redactAccounts(text: string, ctx: RedactContext): string {
  let i = text.indexOf('\\');
  if (i < 0) return text;
  let out = '';
  let last = 0;
  for (; i >= 0; i = text.indexOf('\\', i + 1)) {
    if (i === 0 || !isAccountChar(text.charCodeAt(i - 1))) continue;
    let end = i + 1;
    while (end < text.length && isAccountChar(text.charCodeAt(end))) end++;
    if (end === i + 1) continue;
    out += text.slice(last, i + 1) + ctx.p.for(text.slice(i + 1, end), 'value', 'status-message');
    last = end;
    i = end - 1;
  }
  return last ? out + text.slice(last) : text;
}

interface Walk {
  /** The Name and FriendlyName of the Attribute being read, for group detection. */
  attribute?: string[];
}

function redactAttributes(tag: string, nameEnd: number, element: string, ctx: RedactContext, walk: Walk): string {
  // Attribute values: name="value" or name='value'; everything outside quotes is kept as written.
  let out = tag.slice(0, nameEnd);
  let i = nameEnd;
  while (i < tag.length) {
    const eq = tag.indexOf('=', i);
    if (eq < 0) break;
    let open = eq + 1;
    while (open < tag.length && (tag[open] === ' ' || tag[open] === '\t' || tag[open] === '\n' || tag[open] === '\r')) open++;
    const quote = tag[open];
    if (quote !== '"' && quote !== "'") break;
    const close = tag.indexOf(quote, open + 1);
    if (close < 0) break;
    const name = localName(tag.slice(i, eq).trim());
    const value = tag.slice(open + 1, close);
    let next: string;
    if (name === 'Address' && value) {
      ctx.p.count('address');
      next = DOCUMENTATION_ADDRESS;
    } else if (name === 'DNSName' && value) next = `${ctx.p.for(value, 'host', 'address')}.invalid`;
    else if (name === 'SessionIndex' && value) next = ctx.p.for(decodeEntities(value), 'session', 'session-index');
    else if (name === 'SPProvidedID' && value) next = ctx.p.for(decodeEntities(value), 'value', 'nameid');
    else next = redactText(value, ctx);
    if (element === 'Attribute' && (name === 'Name' || name === 'FriendlyName' || name === 'AttributeName')) (walk.attribute ??= []).push(decodeEntities(value));
    out += tag.slice(i, open + 1) + next + quote;
    i = close + 1;
  }
  return out + redactText(tag.slice(i), ctx);
}

function replaceContent(element: string, policy: Policy, inner: string, ctx: RedactContext, walk: Walk): string {
  if (policy === 'status-message') return redactStatusMessage(inner, ctx);
  const text = textContent(inner);
  const value = text.trim();
  // An empty SignatureValue or AttributeValue is a finding of its own: kept.
  if (!value) return inner;
  const lead = text.slice(0, text.length - text.trimStart().length);
  const trail = text.slice(text.trimEnd().length);
  let replacement: string;
  switch (policy) {
    case 'nameid':
      replacement = ctx.p.for(value, 'nameid', 'nameid');
      break;
    case 'attribute':
      if (walk.attribute?.some(isGroupName)) {
        if (!ctx.options.replaceGroups) return redactText(inner, ctx);
        replacement = ctx.p.for(value, 'group', 'group');
      } else replacement = ctx.p.for(value, 'value', 'attribute-value');
      break;
    case 'base64':
      ctx.p.count(BASE64_KIND[element] ?? 'signature');
      replacement = REDACTED_BASE64;
      break;
    case 'certificate-subject':
      ctx.p.count('certificate');
      replacement = 'CN=redacted';
      break;
    case 'session-index':
      replacement = ctx.p.for(value, 'session', 'session-index');
      break;
  }
  return `${lead}${replacement}${trail}`;
}

/** The tag starting at `lt` ends at the first '>' outside quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
  }
  return -1;
}

export function redactSamlXml(xml: string, ctx: RedactContext): string {
  const parts: string[] = [];
  const walk: Walk = {};
  let i = 0;
  // While inside a secret element: its name, where its content starts, and how deep the same name nests.
  let secret: { name: string; policy: Policy; start: number; depth: number } | undefined;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (!secret) parts.push(redactText(xml.slice(i), ctx));
      i = xml.length;
      break;
    }
    if (!secret && lt > i) parts.push(redactText(xml.slice(i, lt), ctx));
    let end: number;
    let kind: 'comment' | 'cdata' | 'pi' | 'doctype' | 'end' | 'start';
    if (xml.startsWith('<!--', lt)) {
      kind = 'comment';
      end = xml.indexOf('-->', lt + 4);
      end = end < 0 ? xml.length : end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      kind = 'cdata';
      end = xml.indexOf(']]>', lt + 9);
      end = end < 0 ? xml.length : end + 3;
    } else if (xml.startsWith('<?', lt)) {
      kind = 'pi';
      end = xml.indexOf('?>', lt + 2);
      end = end < 0 ? xml.length : end + 2;
    } else if (xml.startsWith('<!', lt)) {
      // DOCTYPE, with or without an internal subset: kept (the xml-unsafe rule must still see it), text redacted.
      kind = 'doctype';
      const bracket = xml.indexOf('[', lt);
      const gt = xml.indexOf('>', lt);
      if (bracket >= 0 && (gt < 0 || bracket < gt)) {
        const close = xml.indexOf(']', bracket);
        end = close < 0 ? xml.length : xml.indexOf('>', close);
      } else end = gt;
      end = end < 0 ? xml.length : end + 1;
    } else {
      kind = xml.charCodeAt(lt + 1) === 0x2f ? 'end' : 'start';
      end = tagEnd(xml, lt);
      end = end < 0 ? xml.length : end + 1;
    }
    const tag = xml.slice(lt, end);
    if (secret) {
      if (kind === 'start' || kind === 'end') {
        const name = localName(tagName(tag, kind));
        if (name === secret.name) {
          if (kind === 'start' && !tag.endsWith('/>')) secret.depth++;
          else if (kind === 'end' && --secret.depth === 0) {
            parts.push(replaceContent(secret.name, secret.policy, xml.slice(secret.start, lt), ctx, walk), tag);
            secret = undefined;
          }
        }
      }
    } else if (kind === 'start') {
      const qname = tagName(tag, kind);
      const name = localName(qname);
      if (name === 'Attribute') walk.attribute = undefined;
      parts.push(redactAttributes(tag, 1 + qname.length, name, ctx, walk));
      const policy = SECRET_ELEMENTS.get(name);
      if (policy && !tag.endsWith('/>')) secret = { name, policy, start: end, depth: 1 };
    } else if (kind === 'end') {
      if (localName(tagName(tag, kind)) === 'Attribute') walk.attribute = undefined;
      parts.push(tag);
    } else if (kind === 'pi') parts.push(tag);
    else parts.push(redactText(tag, ctx));
    i = end;
  }
  // An element left open at the end of a damaged message: its content goes all the same.
  if (secret) parts.push(replaceContent(secret.name, secret.policy, xml.slice(secret.start), ctx, walk));
  return parts.join('');
}

function tagName(tag: string, kind: 'start' | 'end'): string {
  let i = kind === 'end' ? 2 : 1;
  const from = i;
  while (i < tag.length) {
    const c = tag.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e) break;
    i++;
  }
  return tag.slice(from, i);
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Small chunks: spreading tens of thousands of arguments is several times slower in V8.
  for (let i = 0; i < bytes.length; i += 0x1000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x1000) as unknown as number[]);
  return btoa(binary);
}

const NOT_DECODED = bytesToBase64(new TextEncoder().encode('[SSO Lens redaction: this field could not be decoded, so it was removed]'));

/**
 * One SAML field, redacted and encoded again the way it came: base64 for HTTP-POST, base64 of raw DEFLATE for
 * HTTP-Redirect (SAML bindings §3.4.4.1) or for a POST body that was deflated.
 */
export function redactSamlValue(value: string, binding: Binding, ctx: RedactContext): string {
  if (!value) return value;
  const key = `${binding}:${value}`;
  const known = ctx.saml.get(key);
  if (known !== undefined) return known;
  ctx.p.count('saml-message');
  const decoded = decodeSamlValue(value, binding);
  let out = NOT_DECODED;
  if (decoded.ok) {
    const bytes = new TextEncoder().encode(redactSamlXml(decoded.text, ctx));
    out = bytesToBase64(binding === 'redirect' || decoded.inflated ? deflateSync(bytes) : bytes);
  }
  ctx.saml.set(key, out);
  return out;
}
