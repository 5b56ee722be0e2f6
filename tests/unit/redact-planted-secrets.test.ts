// An auditor's test of "Export HAR" with Redact on (issue 15): random secrets planted at random places of a
// HAR built from real fixtures, redacted through the one redaction module, then looked for everywhere a
// reader could find them: the JSON, its percent-decoded strings, every SAML message and JWT decoded, every
// multipart part.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactHar } from '../../utils/redact/redact-har';
import { buildHar, secret, visible } from '../support/planted-secrets';

describe('redaction against planted secrets', () => {
  it('a planted NameID is found by the search before redaction and not after', () => {
    const { har, planted } = buildHar([{ core: 'Qplanted12345abc7x', kind: 'nameid', place: 0, encoding: 'pct40', wide: false }], 0);
    expect(planted.has('Qplanted12345abc7x')).toBe(true);
    expect(visible(har)).toContain('Qplanted12345abc7x');
    const out = visible(redactHar(har).har);
    expect(out).not.toContain('Qplanted12345abc7x');
    expect(out).not.toContain('someone@example.org'); // the logout fixture's own NameID
  });

  it('none of 1 to 4 random secrets planted at random places survives, in any encoding, in 10,000 HARs', { timeout: 300_000 }, () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.array(secret, { minLength: 1, maxLength: 4 }), fc.nat(5), (secrets, style) => {
        const { har, planted } = buildHar(secrets, style);
        const out = redactHar(har).har;
        const after = visible(out);
        for (const s of secrets) {
          if (!planted.has(s.core)) continue;
          checked++;
          if (after.includes(s.core)) throw new Error(`${s.kind} "${s.core}" (place ${s.place}, ${s.encoding}) survived`);
        }
        // Still a HAR with every entry.
        expect(out.log.entries).toHaveLength(har.log.entries.length);
      }),
      { numRuns: 10_000 },
    );
    // The planting itself must work, or the property proves nothing.
    expect(checked).toBeGreaterThan(10_000);
  });
});
