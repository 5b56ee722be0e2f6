import { Pseudonyms, redactEntry } from './redact';
import type { Exchange, HarEntry } from './types';

export interface ExportOptions {
  /** Redact personal data and secrets, the decoded assertion included (the default in the panel). */
  redact: boolean;
  /** The extension's version, for the HAR creator. */
  version?: string;
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

/** The captures as a HAR 1.2 document (text), readable by browsers' HAR import, SSO Lens and `npm run analyze`. */
export function exportHar(exchanges: readonly Exchange[], options: ExportOptions): string {
  const pseudonyms = new Pseudonyms();
  const entries = exchanges.map(({ entry }) => {
    const out = complete(options.redact ? redactEntry(entry, pseudonyms) : entry);
    // HAR 1.2 requires both; SSO Lens measures no timings.
    return { ...out, cache: {}, timings: { send: 0, wait: 0, receive: 0 } };
  });
  const log = {
    version: '1.2',
    creator: { name: 'SSO Lens', version: options.version ?? '' },
    entries,
    comment: options.redact
      ? 'Redacted by SSO Lens: NameID, e-mail addresses, attribute values, signatures, certificates, cookies, credential headers and response bodies were replaced.'
      : 'Not redacted: this file holds personal data and session cookies.',
  };
  // JSON.stringify drops the functions devtools entries carry (getContent).
  return `${JSON.stringify({ log }, null, 2)}\n`;
}

/** `sso-lens-20250310-120000-redacted.har` */
export function exportFileName(now: Date, redacted: boolean): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `sso-lens-${stamp}${redacted ? '-redacted' : ''}.har`;
}
