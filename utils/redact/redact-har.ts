import { readIdpErrorPage, type IdpErrorPage } from '../flow/idp-error-page';
import type { HarEntry } from '../har/types';
import { newContext, type RedactContext, type RedactOptions } from './context';
import { redactBodyText, redactPostData } from './redact-body';
import { redactCookies, redactHeaders } from './redact-headers';
import { redactStatusMessage } from './redact-saml';
import { redactText } from './redact-text';
import { formDecode, isUrlLike, redactUrl } from './redact-url';
import { summarize, type RedactionSummary } from './summary';

// The one redaction of SSO Lens: the panel's "Export HAR" and `sso-lens redact FILE` both call redactHar.
// A HAR goes to a vendor's support queue, so the copy is built from an allowlist of HAR 1.2 fields (anything
// a browser adds, such as `_initiator` stack traces or WebSocket frames, is left out), and every string that
// is kept passes through a redaction that knows what the field holds.

export interface HarDocument {
  log: {
    version: string;
    creator: { name: string; version: string };
    browser?: { name: string; version: string };
    pages?: Array<Record<string, unknown>>;
    entries: HarEntry[];
    comment?: string;
  };
}

export interface RedactResult {
  har: HarDocument;
  summary: RedactionSummary;
}

export type { RedactOptions };

export const REDACTION_COMMENT =
  'Redacted by SSO Lens: e-mail addresses, NameIDs, attribute values, session indexes, tokens, JWT claims, cookies, credential headers, signatures, certificates and encrypted data were replaced; placeholders are stable within this file. Kept: issuers, destinations, audiences, times, status codes, algorithms, attribute and claim names, group names.';

const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** `queryString` as browsers write it (decoded), from the redacted URL so it cannot disagree with it. */
function queryOf(url: string): Array<{ name: string; value: string }> {
  const hash = url.indexOf('#');
  const q = url.indexOf('?');
  if (q < 0 || (hash >= 0 && hash < q)) return [];
  return url
    .slice(q + 1, hash < 0 ? undefined : hash)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? { name: formDecode(pair), value: '' } : { name: formDecode(pair.slice(0, eq)), value: formDecode(pair.slice(eq + 1)) };
    });
}

function timings(v: unknown): Record<string, number> {
  const t = record(v);
  const out: Record<string, number> = { send: 0, wait: 0, receive: 0 };
  for (const key of ['blocked', 'dns', 'connect', 'send', 'wait', 'receive', 'ssl']) if (typeof t[key] === 'number') out[key] = t[key] as number;
  return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An IdP's error page reduced to its error (code and sentence, names in it replaced): the page itself can
 * hold anything (a hidden SAMLResponse, the user's name), but the idp-error-page rule must still read it.
 */
function errorPageBody(page: IdpErrorPage, ctx: RedactContext): string {
  const code = page.code ?? '';
  const text = page.text ? redactStatusMessage(page.text, ctx) : '';
  const okta = page.idp === 'Okta' && code ? `<script type="application/json">{"errorCode":"${code}","errorSummary":"${text.replace(/["\\]/g, '')}"}</script>` : '';
  return `<html><head><title>Error</title></head><body><!-- ${page.idp} error page, reduced to its error by SSO Lens redaction --><p>${escapeHtml(code)}${code && text ? ': ' : ''}${escapeHtml(text)}</p>${okta}</body></html>`;
}

function errorPageOf(entry: unknown): IdpErrorPage | undefined {
  try {
    return readIdpErrorPage(entry as HarEntry);
  } catch {
    return undefined; // a malformed entry has no page to read
  }
}

/**
 * Response bodies: JSON (token responses, errors) and SAML/SOAP XML are redacted field by field, an IdP's
 * error page is reduced to its error; other pages and scripts are removed.
 */
function redactContent(v: unknown, entry: unknown, ctx: RedactContext): NonNullable<HarEntry['response']['content']> {
  const c = record(v);
  const mimeType = str(c.mimeType);
  const out: NonNullable<HarEntry['response']['content']> = { size: num(c.size, 0), mimeType };
  const text = c.text;
  if (typeof text !== 'string' || !text) return out;
  if (c.encoding === 'base64' || !/json|xml/i.test(mimeType)) {
    const page = errorPageOf(entry);
    if (page) {
      out.text = errorPageBody(page, ctx);
      out.mimeType = 'text/html';
      return out;
    }
    ctx.p.count('body');
    return out;
  }
  out.text = redactBodyText(text, mimeType, ctx);
  return out;
}

function redactEntry(v: unknown, ctx: RedactContext): HarEntry {
  const entry = record(v);
  const req = record(entry.request);
  const res = record(entry.response);
  const url = redactUrl(str(req.url), ctx);
  const request: HarEntry['request'] = {
    method: str(req.method, 'GET'),
    url,
    httpVersion: str(req.httpVersion),
    cookies: redactCookies(req.cookies, ctx),
    headers: redactHeaders(req.headers, ctx),
    queryString: queryOf(url),
    headersSize: num(req.headersSize, -1),
    bodySize: num(req.bodySize, -1),
  };
  const postData = redactPostData(req.postData, ctx);
  if (postData) request.postData = postData;
  const response: HarEntry['response'] = {
    status: num(res.status, 0),
    statusText: redactText(str(res.statusText), ctx),
    httpVersion: str(res.httpVersion),
    cookies: redactCookies(res.cookies, ctx),
    headers: redactHeaders(res.headers, ctx),
    content: redactContent(res.content, v, ctx),
    redirectURL: redactUrl(str(res.redirectURL), ctx),
    headersSize: num(res.headersSize, -1),
    bodySize: num(res.bodySize, -1),
  };
  const out: HarEntry & Record<string, unknown> = {
    startedDateTime: str(entry.startedDateTime),
    time: num(entry.time, 0),
    request,
    response,
    cache: {},
    timings: timings(entry.timings),
  };
  if (typeof entry.pageref === 'string') out.pageref = entry.pageref;
  if (typeof entry.serverIPAddress === 'string') out.serverIPAddress = entry.serverIPAddress;
  if (typeof entry._resourceType === 'string') out._resourceType = entry._resourceType;
  if (typeof entry.comment === 'string') out.comment = redactText(entry.comment, ctx);
  return out;
}

function redactPage(v: unknown, ctx: RedactContext): Record<string, unknown> {
  const page = record(v);
  const timings = record(page.pageTimings);
  const out: Record<string, unknown> = {
    startedDateTime: str(page.startedDateTime),
    id: str(page.id),
    // Chrome titles a page with its URL; Firefox with the page's <title>, which may greet the user by name.
    title: isUrlLike(str(page.title)) ? redactUrl(str(page.title), ctx) : str(page.title) && ctx.p.for(str(page.title), 'value', 'json-value'),
    pageTimings: Object.fromEntries(['onContentLoad', 'onLoad'].filter((k) => typeof timings[k] === 'number').map((k) => [k, timings[k]])),
  };
  return out;
}

/**
 * A redacted copy of a HAR document (the input is not changed) and what was replaced, by kind. Bad input
 * (missing fields, wrong types) gives a valid, smaller HAR rather than an error.
 */
export function redactHar(har: unknown, options: RedactOptions = {}): RedactResult {
  const ctx = newContext(options);
  const log = record(record(har).log);
  const creator = record(log.creator);
  const out: HarDocument = {
    log: {
      version: str(log.version, '1.2'),
      creator: { name: str(creator.name, 'SSO Lens'), version: str(creator.version) },
      entries: [],
      comment: REDACTION_COMMENT,
    },
  };
  const browser = record(log.browser);
  if (typeof browser.name === 'string') out.log.browser = { name: browser.name, version: str(browser.version) };
  if (Array.isArray(log.pages)) out.log.pages = log.pages.map((p) => redactPage(p, ctx));
  out.log.entries = Array.isArray(log.entries) ? log.entries.map((e) => redactEntry(e, ctx)) : [];
  return { har: out, summary: summarize(ctx.p.counts) };
}
