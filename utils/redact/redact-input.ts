import { CaptureError } from '../har/read-capture';
import { readMessageInput } from '../har/read-message-input';
import type { RedactOptions } from './context';
import { redactHar, type RedactResult } from './redact-har';

/**
 * What support staff redact: a HAR file keeps all its entries (SAML or not, every one redacted); a SAML-tracer
 * export, raw XML, base64 message or SAML URL becomes a HAR of its exchanges. Throws CaptureError, with a
 * sentence for the user, when the text is none of these.
 */
export function redactInput(text: string, options: RedactOptions = {}): RedactResult {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (e) {
      throw new CaptureError(`The file is not valid JSON (${(e as Error).message}).`);
    }
    const log = (parsed as { log?: { entries?: unknown } } | null)?.log;
    if (log && typeof log === 'object') {
      if (!Array.isArray(log.entries)) throw new CaptureError('The HAR file has no "entries" list.');
      return redactHar(parsed, options);
    }
  }
  const { entries } = readMessageInput(trimmed);
  return redactHar({ log: { version: '1.2', creator: { name: 'SSO Lens', version: '' }, entries } }, options);
}
