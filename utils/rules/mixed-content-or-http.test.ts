import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { b64, postEntry } from '../../tests/support/har-builder';
import { buildProtocolResponse, flowFindings, signInEntries } from '../../tests/support/protocol-builder';

const RULE = 'mixed-content-or-http';

describe(RULE, () => {
  it('a Response posted over plain http to a real host', () => {
    const [f, ...more] = flowFindings(RULE, { postTo: 'http://sp.example.com/acs' });
    expect(more).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', evidence: { value: 'http://sp.example.com' } });
    expect(f!.message).toBe('This sign-in went over plain HTTP at http://sp.example.com: what it carries (the SAML message, the session cookie) can be read or changed on the way.');
  });

  it('a redirect hop over http between the messages', () => {
    const entries = signInEntries();
    const hop = { ...entries[0]!, request: { method: 'GET', url: 'http://proxy.example.com/step', headers: [] }, response: { status: 302, headers: [{ name: 'Location', value: 'https://sp.example.com/acs' }] } };
    const found = analyze([entries[0]!, hop, entries[1]!]).findings.filter((f) => f.rule === RULE);
    expect(found).toHaveLength(1);
    expect(found[0]!.evidence?.value).toBe('http://proxy.example.com');
  });

  it('stays silent for https, for loopback (a secure context) and for raw input', () => {
    expect(flowFindings(RULE)).toEqual([]);
    expect(flowFindings(RULE, { postTo: 'http://127.0.0.1:8080/acs' })).toEqual([]);
    expect(flowFindings(RULE, { postTo: 'http://localhost/acs' })).toEqual([]);
    expect(analyze([postEntry('about:blank', 'SAMLResponse', b64(buildProtocolResponse()))]).findings.filter((f) => f.rule === RULE)).toEqual([]);
  });
});
