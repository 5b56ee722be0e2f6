import { describe, expect, it } from 'vitest';
import { findEmails } from './find-emails';
import { findJwts } from './find-jwts';

const found = (text: string) => findEmails(text).map((f) => [text.slice(f.start, f.end), f.normalized]);

describe('findEmails', () => {
  it.each([
    ['plain', 'mail jane.doe@corp.example now', 'jane.doe@corp.example', 'jane.doe@corp.example'],
    ['plus tag', 'to: jane+sso@corp.example', 'jane+sso@corp.example', 'jane+sso@corp.example'],
    ['upper-case domain', 'JANE@CORP.EXAMPLE', 'JANE@CORP.EXAMPLE', 'JANE@corp.example'],
    ['URL-encoded', 'login_hint=jane.doe%40corp.example&x=1', 'jane.doe%40corp.example', 'jane.doe@corp.example'],
    ['encoded plus', 'u=jane%2Bsso%40corp.example', 'jane%2Bsso%40corp.example', 'jane+sso@corp.example'],
    ['double-encoded', 'r=https%253A%252F%252Fa%253Fu%253Djane%2540corp.example', 'jane%2540corp.example', 'jane@corp.example'],
    ['decimal entity', '<p>jane&#64;corp.example</p>', 'jane&#64;corp.example', 'jane@corp.example'],
    ['hex entity', 'jane&#x40;corp.example', 'jane&#x40;corp.example', 'jane@corp.example'],
    ['JSON escape', '{"u":"jane\\u0040corp.example"}', 'jane\\u0040corp.example', 'jane@corp.example'],
    ['non-ASCII local part', 'user jörg.müller@corp.example', 'jörg.müller@corp.example', 'jörg.müller@corp.example'],
    ['encoded non-ASCII', 'u=j%C3%B6rg%40corp.example', 'j%C3%B6rg%40corp.example', 'jörg@corp.example'],
    ['IDN domain', 'jane@bücher.example', 'jane@bücher.example', 'jane@bücher.example'],
    ['trailing dot', 'write to jane@corp.example.', 'jane@corp.example', 'jane@corp.example'],
    ['quoted', "user 'jane@corp.example' is", 'jane@corp.example', 'jane@corp.example'],
    ['after a separator escape', 'x=a%3Djane%40corp.example', 'jane%40corp.example', 'jane@corp.example'],
  ])('%s', (_case, text, match, normalized) => {
    expect(found(text)).toEqual([[match, normalized]]);
  });

  it('leaves alone what is not an address: no dot, IP literal, digits TLD, placeholders, CSS at-rules', () => {
    for (const text of ['user@localhost', 'a@10.0.0.1', '@media screen', 'x@y.1', 'user1@redacted.invalid', '%40%40', 'mailto:@corp.example']) expect(found(text), text).toEqual([]);
  });

  it('runs in linear time on 1 MB adversarial strings (the old pattern took 17 s on 128 KB)', () => {
    const mb = 1 << 20;
    const inputs = [
      'a'.repeat(mb) + '@',
      'a@'.repeat(mb / 2),
      '%40a'.repeat(mb / 4),
      'a%2540'.repeat(mb / 6),
      '&#64;a'.repeat(mb / 6),
      `a@${'a.'.repeat(mb / 2)}`,
      `${'a.'.repeat(mb / 2)}@x`,
      '%25'.repeat(mb / 3) + '40',
      `x@${'a-'.repeat(mb / 2)}`,
    ];
    for (const input of inputs) {
      const start = process.cpuUsage();
      findEmails(input);
      const { user, system } = process.cpuUsage(start);
      expect((user + system) / 1000, input.slice(0, 12)).toBeLessThan(500);
    }
  });
});

describe('findJwts', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.c2lnbmF0dXJl';
  it('finds JWS and JWE tokens at word boundaries, also after a percent-escape', () => {
    const jwe = 'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a2V5.aXY.Y2lwaGVy.dGFn';
    const text = `Bearer ${jwt}, id_token%3D${jwt}&x=${jwe}`;
    expect(findJwts(text).map((f) => text.slice(f.start, f.end))).toEqual([jwt, jwt, jwe]);
  });

  it('ignores base64 that only contains "eyJ", and runs in linear time on adversarial strings', () => {
    expect(findJwts(`abceyJhbGciOiJSUzI1NiJ9.eyJ.x`)).toEqual([]);
    for (const input of ['eyJ'.repeat(1 << 18), 'eyJhbGciOiJSUzI1NiJ9.'.repeat(1 << 15), ' eyJaaaaaaaaaaaa.'.repeat(1 << 15)]) {
      const start = process.cpuUsage();
      findJwts(input);
      const { user, system } = process.cpuUsage(start);
      expect((user + system) / 1000).toBeLessThan(500);
    }
  });
});
