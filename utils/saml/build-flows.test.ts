import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { b64, deflateB64, postEntry, redirectEntry } from '../../tests/support/har-builder';

const request = (id: string) =>
  `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="2024-01-01T00:00:00Z" AssertionConsumerServiceURL="https://sp.example/acs"><saml:Issuer>https://sp.example</saml:Issuer></samlp:AuthnRequest>`;
const response = (id: string, inResponseTo?: string) =>
  `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="${id}" Version="2.0" IssueInstant="2024-01-01T00:00:05Z"${inResponseTo ? ` InResponseTo="${inResponseTo}"` : ''}><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:Response>`;

const req = (id: string, time = '2024-01-01T00:00:00Z') => redirectEntry('https://idp.example/sso', 'SAMLRequest', deflateB64(request(id)), { relayState: 'rs-1', time });
const res = (id: string, irt?: string, status = 200, time = '2024-01-01T00:00:05Z') => postEntry('https://sp.example/acs', 'SAMLResponse', b64(response(id, irt)), { status, time });

describe('buildFlows', () => {
  it('pairs AuthnRequest and Response by ID / InResponseTo, with the ACS status and RelayState', () => {
    const { flows } = analyze([req('_r1'), res('_s1', '_r1', 403)]);
    expect(flows).toEqual([
      expect.objectContaining({ kind: 'sign-in', messageKeys: ['0:SAMLRequest', '1:SAMLResponse'], requestKey: '0:SAMLRequest', responseKey: '1:SAMLResponse', acsStatus: 403, acsUrl: 'https://sp.example/acs', relayState: 'rs-1', unsolicited: false, startedAt: '2024-01-01T00:00:00Z', endedAt: '2024-01-01T00:00:05Z' }),
    ]);
  });

  it('keeps interleaved sign-ins apart', () => {
    const { flows } = analyze([req('_a'), req('_b'), res('_sb', '_b'), res('_sa', '_a')]);
    expect(flows.map((f) => f.messageKeys)).toEqual([
      ['0:SAMLRequest', '3:SAMLResponse'],
      ['1:SAMLRequest', '2:SAMLResponse'],
    ]);
  });

  it('marks a Response without InResponseTo as unsolicited (IdP-initiated)', () => {
    const { flows } = analyze([res('_s1')]);
    expect(flows).toEqual([expect.objectContaining({ unsolicited: true, responseKey: '0:SAMLResponse' })]);
    expect(flows[0]!.requestKey).toBeUndefined();
  });

  it('pairs a Response answering another ID with the unanswered request to the same service, so the mismatch shows', () => {
    const { flows } = analyze([req('_new'), res('_s', '_stale')]);
    expect(flows).toHaveLength(1);
    expect(flows[0]).toMatchObject({ requestKey: '0:SAMLRequest', responseKey: '1:SAMLResponse', unsolicited: false });
  });

  it('does not pair across a long gap', () => {
    const { flows } = analyze([req('_new', '2024-01-01T00:00:00Z'), res('_s', '_stale', 200, '2024-01-01T02:00:00Z')]);
    expect(flows).toHaveLength(2);
  });

  it('a second Response to the same request (replay) gets its own flow', () => {
    const { flows } = analyze([req('_r'), res('_s1', '_r'), res('_s2', '_r')]);
    expect(flows.map((f) => f.messageKeys.length)).toEqual([2, 1]);
  });

  it('keeps one flow when the same request is seen twice before its answer (IdP redirect, double capture)', () => {
    const { flows, findings } = analyze([req('_r', '2024-01-01T00:00:00Z'), req('_r', '2024-01-01T00:00:01Z'), res('_s', '_r')]);
    expect(flows).toHaveLength(1);
    expect(flows[0]).toMatchObject({ requestKey: '0:SAMLRequest', responseKey: '2:SAMLResponse', messageKeys: ['0:SAMLRequest', '1:SAMLRequest', '2:SAMLResponse'] });
    expect(findings.map((f) => f.rule)).not.toContain('inresponseto-mismatch');
  });

  it('a request repeated after its answer starts a new sign-in', () => {
    const { flows } = analyze([req('_r'), res('_s', '_r'), req('_r', '2024-01-01T00:00:10Z')]);
    expect(flows.map((f) => f.messageKeys.length)).toEqual([2, 1]);
  });
});
