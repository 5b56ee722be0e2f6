import { Placeholders } from './placeholders';

export interface RedactOptions {
  /** Replace group names too (with stable `group-1`… placeholders); by default they are kept for parity. */
  replaceGroups?: boolean;
}

/** What one export shares: its placeholders (and counts), options, and the JWTs already rewritten. */
export interface RedactContext {
  p: Placeholders;
  options: RedactOptions;
  jwts: Map<string, string>;
  /** SAML fields already redacted, by binding and value: a Chrome HAR repeats a Redirect URL in `:path` and the next Referer. */
  saml: Map<string, string>;
}

export function newContext(options: RedactOptions = {}): RedactContext {
  return { p: new Placeholders(), options, jwts: new Map(), saml: new Map() };
}
