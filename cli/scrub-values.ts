import type { SamlMessage } from '../utils/saml/types';

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

/** Replaces each NameID, attribute value and e-mail address of these messages, the same value by the same placeholder. */
export function valueScrubber(messages: readonly SamlMessage[]): Scrub {
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
