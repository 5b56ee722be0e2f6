import { describe, expect, it, vi } from 'vitest';
import { SELF_CERTIFIED_FIXTURES, SIGNED_FIXTURES, cryptoFixture, keyFile } from '../../tests/support/crypto-fixtures';
import { b64, postEntry } from '../../tests/support/har-builder';
import { readMessages } from '../analyze';
import type { SamlMessage } from '../saml/types';
import { verifyMessages } from './verify-messages';

// Counts the XML signature checks actually run under verifyMessages.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock('./verify-xml-signature', async (importOriginal) => {
  const real = await importOriginal<typeof import('./verify-xml-signature')>();
  return {
    ...real,
    verifyXmlSignatures: (...args: Parameters<typeof real.verifyXmlSignatures>) => {
      checks.count++;
      return real.verifyXmlSignatures(...args);
    },
  };
});

const post = (xml: string) => postEntry('https://sp.example.com/acs', 'SAMLResponse', b64(xml));
const outcomes = (messages: ReturnType<typeof readMessages>) => (messages[0] as SamlMessage).verification?.signatures?.map((s) => s.outcome);

describe('verifyMessages remembers signature checks', () => {
  it('checks a message analyzed again (the panel on each capture) only once, with the same result', async () => {
    const xml = cryptoFixture(SELF_CERTIFIED_FIXTURES[0]!.file);
    const first = readMessages([post(xml)]);
    const before = checks.count;
    await verifyMessages(first);
    expect(checks.count).toBe(before + 1);
    const again = readMessages([post(xml)]);
    await verifyMessages(again);
    expect(checks.count).toBe(before + 1);
    expect((again[0] as SamlMessage).verification).toEqual((first[0] as SamlMessage).verification);
    expect(outcomes(again)?.length).toBeGreaterThan(0);
    expect(outcomes(again)?.every((o) => o === 'valid')).toBe(true);
  });

  it('checks again for other XML or other trusted certificates', async () => {
    const f = SIGNED_FIXTURES[0]!;
    const xml = cryptoFixture(f.file);
    const before = checks.count;
    await verifyMessages(readMessages([post(xml)]));
    const trusted = readMessages([post(xml)]);
    await verifyMessages(trusted, { certificates: [keyFile(f.cert)] });
    expect(checks.count).toBe(before + 2);
    expect((trusted[0] as SamlMessage).verification?.signatures?.every((s) => s.trusted === true)).toBe(true);
    // Another message (here the same one with a line break after it) is checked for itself.
    const changed = readMessages([post(`${xml}\n`)]);
    await verifyMessages(changed);
    expect(checks.count).toBe(before + 3);
  });

  it('tells apart messages of the same length and the same ends, changed only in the middle', async () => {
    const xml = cryptoFixture(SELF_CERTIFIED_FIXTURES[0]!.file);
    // One letter of the signed Audience changed in place: same length, same start and end.
    const at = xml.indexOf('<Audience>') + '<Audience>'.length;
    expect(at).toBeGreaterThan(256);
    expect(at).toBeLessThan(xml.length - 64);
    const changed = `${xml.slice(0, at)}${xml[at]!.toUpperCase()}${xml.slice(at + 1)}`;
    expect(changed).not.toBe(xml);
    expect(changed.length).toBe(xml.length);
    const first = readMessages([post(xml)]);
    await verifyMessages(first);
    const before = checks.count;
    const other = readMessages([post(changed)]);
    await verifyMessages(other);
    expect(checks.count).toBe(before + 1);
    expect(outcomes(first)?.every((o) => o === 'valid')).toBe(true);
    expect(outcomes(other)).not.toEqual(outcomes(first));
    // And the first is still remembered as it was.
    const again = readMessages([post(xml)]);
    await verifyMessages(again);
    expect(checks.count).toBe(before + 2);
    expect(outcomes(again)).toEqual(outcomes(first));
  });
});
