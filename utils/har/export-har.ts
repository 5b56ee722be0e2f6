import { redactHar, type HarDocument } from '../redact/redact-har';
import type { RedactionSummary } from '../redact/summary';
import { toSamlTracer } from './export-saml-tracer';
import type { Exchange, HarEntry } from './types';

/** HAR for browsers and support tools; SAML-tracer's JSON for those who read captures there. */
export type ExportFormat = 'har' | 'saml-tracer';

export interface ExportOptions {
  /** Redact personal data and secrets, the decoded assertion included (the default in the panel). */
  redact: boolean;
  /** Replace group names too (redacted exports only); by default they are kept for group parity. */
  replaceGroups?: boolean;
  /** The extension's version, for the HAR creator. */
  version?: string;
  /** 'har' unless said. */
  format?: ExportFormat;
  /** The export's time (SAML-tracer records one); now unless said. */
  now?: Date;
}

export interface PreparedExport {
  text: string;
  /** What redaction replaced, by kind; absent when not redacted. */
  summary?: RedactionSummary;
}

/** HAR 1.2 fields a strict reader requires that captured entries may lack. */
function complete(entry: HarEntry): HarEntry {
  return {
    ...entry,
    time: entry.time ?? 0,
    request: {
      ...entry.request,
      httpVersion: entry.request.httpVersion ?? '',
      cookies: entry.request.cookies ?? [],
      headers: entry.request.headers ?? [],
      queryString: entry.request.queryString ?? [],
      headersSize: entry.request.headersSize ?? -1,
      bodySize: entry.request.bodySize ?? -1,
    },
    response: {
      ...entry.response,
      statusText: entry.response.statusText ?? '',
      httpVersion: entry.response.httpVersion ?? '',
      cookies: entry.response.cookies ?? [],
      headers: entry.response.headers ?? [],
      content: entry.response.content ?? { size: 0, mimeType: '' },
      redirectURL: entry.response.redirectURL ?? '',
      headersSize: entry.response.headersSize ?? -1,
      bodySize: entry.response.bodySize ?? -1,
    },
  };
}

/** The captures as a HAR 1.2 document, redacted or not, with what redaction replaced (shown before saving). */
export function prepareExport(exchanges: readonly Exchange[], options: ExportOptions): PreparedExport {
  const doc: HarDocument = {
    log: {
      version: '1.2',
      creator: { name: 'SSO Lens', version: options.version ?? '' },
      // HAR 1.2 requires cache and timings; SSO Lens measures no timings.
      entries: exchanges.map(({ entry }) => ({ ...complete(entry), cache: {}, timings: { send: 0, wait: 0, receive: 0 } })),
      comment: 'Not redacted: this file holds personal data and session cookies.',
    },
  };
  // SAML-tracer's form is made from the redacted HAR: one redaction, whichever format leaves the machine.
  const write = (har: HarDocument) => (options.format === 'saml-tracer' ? toSamlTracer(har.log.entries as HarEntry[], options.now ?? new Date()) : har);
  if (!options.redact) return { text: `${JSON.stringify(write(doc), null, 2)}\n` };
  const { har, summary } = redactHar(doc, { replaceGroups: options.replaceGroups ?? false });
  // JSON.stringify drops the functions devtools entries carry (getContent).
  return { text: `${JSON.stringify(write(har), null, 2)}\n`, summary };
}

/** The captures as a HAR 1.2 document (text), readable by browsers' HAR import, SSO Lens and `npm run analyze`. */
export function exportHar(exchanges: readonly Exchange[], options: ExportOptions): string {
  return prepareExport(exchanges, options).text;
}

/** `sso-lens-20250310-120000-redacted.har`, or `sso-lens-…-redacted.saml-tracer.json` for SAML-tracer's form. */
export function exportFileName(now: Date, redacted: boolean, format: ExportFormat = 'har'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `sso-lens-${stamp}${redacted ? '-redacted' : ''}${format === 'saml-tracer' ? '.saml-tracer.json' : '.har'}`;
}
