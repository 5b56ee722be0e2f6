import type { Message } from '../utils/protocols/types';
import { newContext } from '../utils/redact/context';
import { redactText } from '../utils/redact/redact-text';
import { isUrlLike, redactUrl } from '../utils/redact/redact-url';

// Reports meant for tickets (Markdown, HTML) leave the customer's machine: the people in them are replaced by
// stable placeholders, the configuration (issuers, URLs, attribute names, times) stays so the report still
// explains the failure.

export type Scrub = (text: string) => string;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PLACEHOLDER_DOMAIN = 'redacted.invalid';

/** Short or generic values (1, true, en) would replace words of the report itself, not personal data. */
function worthHiding(value: string): boolean {
  return value.length >= 3 && !/^\d{1,4}$/.test(value) && !/^(true|false|yes|no|null)$/i.test(value);
}

/** OIDC claims that name or identify the person. */
const PERSONAL_CLAIMS = ['sub', 'email', 'name', 'given_name', 'family_name', 'upn', 'unique_name', 'preferred_username', 'oid', 'login_hint'] as const;

/** Replaces each NameID, attribute value and e-mail address of these messages, the same value by the same placeholder. */
export function valueScrubber(messages: readonly Message[]): Scrub {
  const placeholders = new Map<string, string>();
  let count = 0;
  const placeholder = (value: string): string => {
    let p = placeholders.get(value);
    if (p === undefined) {
      count++;
      p = /^[^@\s]+@[^@\s]+$/.test(value) ? `user${count}@${PLACEHOLDER_DOMAIN}` : `value-${count}`;
      placeholders.set(value, p);
    }
    return p;
  };
  for (const m of messages) {
    if (m.protocol === 'oidc') {
      // The person's claims and the one-time values that tie a response to its request.
      const tokens = [m.response?.idToken, m.tokens?.idToken, m.endSession?.idTokenHint];
      for (const t of tokens) {
        for (const claim of PERSONAL_CLAIMS) {
          const v = t?.payload?.[claim];
          if (typeof v === 'string' && worthHiding(v.trim())) placeholder(v.trim());
        }
      }
      for (const v of [m.authorization?.state, m.authorization?.nonce, m.response?.state, m.error?.state]) if (v && worthHiding(v.trim())) placeholder(v.trim());
      continue;
    }
    for (const a of m.assertions) {
      if (a.subject.nameId && worthHiding(a.subject.nameId.trim())) placeholder(a.subject.nameId.trim());
      for (const attribute of a.attributes) for (const v of attribute.values) if (worthHiding(v.trim())) placeholder(v.trim());
    }
  }
  const known = [...placeholders.keys()].sort((a, b) => b.length - a.length);
  // One pass over the text for all values: a value's text is matched whole, not inside a longer word.
  const pattern = known.length ? new RegExp(`(?<![\\w.@-])(?:${known.map(escapeRegExp).join('|')})(?![\\w.@-])`, 'g') : undefined;
  return (text) => {
    let out = pattern ? text.replace(pattern, (m) => placeholders.get(m) ?? m) : text;
    out = out.replace(EMAIL, (m) => (m.endsWith(`@${PLACEHOLDER_DOMAIN}`) ? m : placeholder(m)));
    return out;
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** How the ticket formats pass on URLs and free text (finding messages, evidence) beyond the values scrubbed. */
export interface ReportScrub {
  url: Scrub;
  text: Scrub;
}

/**
 * The report's own placeholders first (the same person reads the same everywhere in the report), then the
 * export's redaction: codes, tokens, state and SAML messages in a URL's query and fragment, JWTs and `code=…`
 * pairs in text, with one set of placeholders for the whole report.
 */
export function reportScrubber(scrub: Scrub): ReportScrub {
  const ctx = newContext();
  // An address in a query is written with %40: read as one, it gets the placeholder it has elsewhere in the report.
  const url = (value: string) => redactUrl(scrub(value.replace(/%40/gi, '@')), ctx);
  return { url, text: (value) => (isUrlLike(value) ? url(value) : redactText(scrub(value), ctx)) };
}

/** For --no-redact: every value as captured. */
export const AS_CAPTURED: ReportScrub = { url: (s) => s, text: (s) => s };
