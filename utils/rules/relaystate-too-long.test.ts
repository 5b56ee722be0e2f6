import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { readMessageInput } from '../har/read-message-input';
import { fixtureText } from '../../tests/support/har-builder';
import { entryFindings, flowFindings } from '../../tests/support/protocol-builder';

const RULE = 'relaystate-too-long';

describe(RULE, () => {
  it('fires once per flow, on the request that introduced it, counting bytes not characters', () => {
    const relay = `https://sp.example.com/projects/${'é'.repeat(30)}`; // 32 + 60 bytes, 62 characters
    const findings = flowFindings(RULE, { relayState: relay });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: RULE, severity: 'warning', evidence: { path: 'RelayState', value: relay, bytes: '92' } });
    expect(findings[0]!.message).toMatch(/^RelayState is 92 bytes long; SAML bindings allow at most 80 \(§3\.4\.3, §3\.5\.3\)/);
  });

  it('fires on a Response whose IdP set a long RelayState (IdP-initiated)', () => {
    expect(flowFindings(RULE, { request: false, relayState: 'x'.repeat(81) })).toHaveLength(1);
  });

  it('stays silent at 80 bytes and without RelayState', () => {
    expect(flowFindings(RULE, { relayState: 'x'.repeat(80) })).toEqual([]);
    expect(entryFindings(RULE, [])).toEqual([]);
    expect(flowFindings(RULE)).toEqual([]);
  });

  it("real fixture: crewjam's AuthnRequest URL carries a 96-byte JWT as RelayState", () => {
    const { entries } = readMessageInput(fixtureText('requests/crewjam-authn-request.url'));
    const [f] = analyze(entries).findings.filter((x) => x.rule === RULE);
    expect(f?.evidence?.bytes).toBe('96');
  });
});
