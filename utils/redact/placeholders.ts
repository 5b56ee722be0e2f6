// One export's memory of what it replaced: the same value always gets the same placeholder (so flows,
// InResponseTo, state/nonce pairs and group parity still line up), and every replacement is counted for the
// summary shown before the file is saved.

export type RedactionKind =
  | 'email'
  | 'token'
  | 'jwt'
  | 'cookie'
  | 'credential-header'
  | 'nameid'
  | 'attribute-value'
  | 'group'
  | 'session-index'
  | 'address'
  | 'status-message'
  | 'signature'
  | 'certificate'
  | 'encrypted-data'
  | 'form-field'
  | 'json-value'
  | 'body'
  | 'saml-message';

export type RedactionCounts = Partial<Record<RedactionKind, number>>;

export const PLACEHOLDER_DOMAIN = 'redacted.invalid';
export const REDACTED = '[redacted]';
/** "REDACTED" in base64: keeps signature, certificate and cipher fields base64-shaped. */
export const REDACTED_BASE64 = 'UkVEQUNURUQ=';

const GUID_LENGTH = 36;

export function isGuid(s: string): boolean {
  if (s.length !== GUID_LENGTH) return false;
  for (let i = 0; i < GUID_LENGTH; i++) {
    const c = s.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 0x2d) return false;
    } else if (!isHex(c)) return false;
  }
  return true;
}

export function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Labels used in placeholders: `token-1`, `value-2`, `group-3`, `user4@redacted.invalid`. */
type Label = 'user' | 'nameid' | 'value' | 'group' | 'token' | 'cookie' | 'session' | 'relaystate' | 'host';

export class Placeholders {
  readonly counts: RedactionCounts = {};
  readonly #byValue = new Map<string, string>();
  readonly #issued = new Set<string>();
  readonly #next = new Map<Label, number>();

  count(kind: RedactionKind, by = 1): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + by;
  }

  /** Runs `fn` without counting its replacements (a value redacted twice, as HAR text and as params). */
  silently<T>(fn: () => T): T {
    const saved = { ...this.counts };
    try {
      return fn();
    } finally {
      for (const key of Object.keys(this.counts) as RedactionKind[]) delete this.counts[key];
      Object.assign(this.counts, saved);
    }
  }

  /** True for a string this export produced: it is never replaced a second time. */
  isPlaceholder(s: string): boolean {
    return this.#issued.has(s);
  }

  /** Remembers an output as a fixed point (a redacted JWT, for instance), so a second pass keeps it. */
  keep(s: string): void {
    this.#issued.add(s);
  }

  #number(label: Label): number {
    const n = (this.#next.get(label) ?? 0) + 1;
    this.#next.set(label, n);
    return n;
  }

  /**
   * The placeholder of a value, keeping its shape: an e-mail stays an e-mail, a GUID a GUID, so rules about
   * shapes (object-ID groups, e-mail NameIDs) still fire on the redacted file.
   */
  for(value: string, label: Label, kind: RedactionKind, pad?: number): string {
    if (this.#issued.has(value)) return value;
    const email = emailKey(value);
    // An e-mail is counted as one wherever it sits (a NameID, an attribute, a login_hint): that is what the admin checks for.
    this.count(email !== undefined ? 'email' : kind);
    const key = email ?? value;
    const known = this.#byValue.get(key);
    if (known !== undefined) return known;
    let out: string;
    if (email !== undefined) out = `user${this.#number('user')}@${PLACEHOLDER_DOMAIN}`;
    else if (isGuid(value)) out = `00000000-0000-4000-8000-${String(this.#number(label)).padStart(12, '0')}`;
    else out = `${label}-${this.#number(label)}`;
    // RelayState keeps its length: the 80-byte rule must judge the redacted file as it judged the original.
    if (pad !== undefined && out.length < pad) out = `${out}_${'x'.repeat(pad - out.length - 1)}`;
    this.#byValue.set(key, out);
    this.#issued.add(out);
    return out;
  }

  /** The local part of an e-mail placeholder, for addresses written in an encoding (`%40`, `&#64;`). */
  emailLocal(normalized: string): string {
    const known = this.#byValue.get(normalized);
    if (known !== undefined) return known.slice(0, known.indexOf('@'));
    const out = `user${this.#number('user')}@${PLACEHOLDER_DOMAIN}`;
    this.#byValue.set(normalized, out);
    this.#issued.add(out);
    return out.slice(0, out.indexOf('@'));
  }
}

/** A whole-string e-mail address, lower-cased domain, for the placeholder map; undefined if it is not one. */
function emailKey(value: string): string | undefined {
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return undefined;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (domain.toLowerCase() === PLACEHOLDER_DOMAIN) return undefined;
  if (local.length > 256 || domain.length > 256 || !domain.includes('.') || /[\s<>"'(),;:\\[\]]/.test(value)) return undefined;
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  if (tld.length < 2) return undefined;
  return `${local}@${domain.toLowerCase()}`;
}

export { emailKey as normalizedEmail };
