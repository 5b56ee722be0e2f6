import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import type { HarEntry } from '../har/types';
import { deflateB64, redirectEntry } from '../../tests/support/har-builder';
import { buildAuthnRequest, IDP_SSO, SP_ENTITY_ID, signInEntries } from '../../tests/support/protocol-builder';

const RULE = 'sign-in-loop';
const at = (s: number) => new Date(Date.parse('2024-01-01T10:00:00Z') + s * 1000).toISOString();
const request = (s: number, id: string, issuer = SP_ENTITY_ID): HarEntry =>
  redirectEntry(IDP_SSO, 'SAMLRequest', deflateB64(buildAuthnRequest({ id, issuer })), { time: at(s) });
const loopFindings = (entries: HarEntry[]) => analyze(entries).findings.filter((f) => f.rule === RULE);

describe(RULE, () => {
  it('three trips to the IdP in 30 s: one finding, on the third', () => {
    const found = loopFindings([request(0, '_a'), request(8, '_b'), request(16, '_c')]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: RULE, severity: 'error', messageId: '_c', evidence: { requests: '3', seconds: '16' } });
    expect(found[0]!.message).toBe(`${SP_ENTITY_ID} sent the browser to the IdP 3 times in 16 s: the sign-in is looping instead of opening a session.`);
  });

  it('a long loop is one finding, not one per request', () => {
    expect(loopFindings([0, 5, 10, 15, 20, 25].map((s, i) => request(s, `_r${i}`)))).toHaveLength(1);
  });

  it('stays silent for two tries, for tries further apart, and for different services', () => {
    expect(loopFindings([request(0, '_a'), request(10, '_b')])).toEqual([]);
    expect(loopFindings([request(0, '_a'), request(20, '_b'), request(40, '_c')])).toEqual([]);
    expect(loopFindings([request(0, '_a'), request(5, '_b', 'https://other.example/sp'), request(10, '_c')])).toEqual([]);
  });

  it('stays silent for a normal sign-in and for requests without a capture time', () => {
    expect(analyze(signInEntries()).findings.filter((f) => f.rule === RULE)).toEqual([]);
    const timeless = [request(0, '_a'), request(1, '_b'), request(2, '_c')].map((e) => ({ ...e, startedDateTime: '' }));
    expect(loopFindings(timeless)).toEqual([]);
  });
});
