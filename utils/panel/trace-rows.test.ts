import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { plainEntry } from '../../tests/support/har-builder';
import { signInEntries } from '../../tests/support/protocol-builder';
import { seenRequest } from './seen-requests';
import { captureRows, MAX_CAPTURE_ROWS, traceRows } from './trace-rows';

describe('traceRows', () => {
  it('merges messages and hops in capture order, with offsets and the IdP error page marked', () => {
    const [request, response] = signInEntries({ acsStatus: 302 });
    const form = plainEntry('https://idp.example.com/login', { time: '2024-01-01T09:59:57.500Z' });
    form.response = { status: 200, headers: [], content: { mimeType: 'text/html', text: '<p>MSIS7012: An error occurred</p>' } };
    response!.response.headers = [{ name: 'Location', value: 'https://sp.example.com/home' }];
    const landing = plainEntry('https://sp.example.com/home', { time: '2024-01-01T10:00:02.250Z' });
    const analysis = analyze([request!, form, response!, landing]);
    const rows = traceRows(analysis.flows[0]!, new Map(analysis.messages.map((m) => [m.key, m])));
    expect(rows.map((r) => [r.exchangeIndex, r.kind ?? 'hop', r.status, r.offsetSeconds, r.error])).toEqual([
      [0, 'AuthnRequest', 302, 0, undefined],
      [1, 'hop', 200, 2.5, 'MSIS7012'],
      [2, 'Response', 302, 7, undefined],
      [3, 'hop', 200, 7.25, undefined],
    ]);
    expect(rows[2]).not.toHaveProperty('location');
  });
});

describe('captureRows', () => {
  it("lists every request seen in order, the flow's steps marked, protocol rows tagged, times from the flow's start, those not kept too", () => {
    // The ACS answers 200: the request after it is no landing page of a redirect, so not a step of the sign-in.
    const [request, response] = signInEntries({ acsStatus: 200 });
    const before = plainEntry('https://sp.example.com/assets/app.js', { time: '2024-01-01T09:59:50.000Z' });
    const later = plainEntry('https://sp.example.com/api/me', { time: '2024-01-01T10:01:00.000Z' });
    const entries = [before, request!, response!, later];
    const analysis = analyze(entries);
    const messages = new Map(analysis.messages.map((m) => [m.key, m]));
    // The panel keeps the sign-in's exchanges (and numbers them); the asset it saw before is listed, not kept.
    const requests = [seenRequest(before), seenRequest(request!, 0), seenRequest(response!, 1), seenRequest(later, 2)];
    const analysis2 = analyze([request!, response!, later]);
    const { rows, total } = captureRows(analysis2.flows[0]!, new Map(analysis2.messages.map((m) => [m.key, m])), requests);
    expect(total).toBe(4);
    expect(rows.map((r) => [r.exchangeIndex, r.kind ?? 'request', r.protocol ?? '-', r.inFlow, r.offsetSeconds])).toEqual([
      [-1, 'request', '-', false, -5],
      [0, 'AuthnRequest', 'saml', true, 0],
      [1, 'Response', 'saml', true, 7],
      [2, 'request', '-', false, 65],
    ]);
    expect(captureRows(analysis.flows[0]!, messages, entries.map((e, i) => seenRequest(e, i))).rows.map((r) => r.inFlow)).toEqual([false, true, true, false]);
  });

  it(`draws only the last ${MAX_CAPTURE_ROWS} rows of a long capture`, () => {
    const [request, response] = signInEntries();
    const noise = Array.from({ length: MAX_CAPTURE_ROWS + 10 }, (_, i) => plainEntry(`https://sp.example.com/r/${i}`));
    const entries = [...noise, request!, response!];
    const analysis = analyze(entries);
    const { rows, total } = captureRows(analysis.flows[0]!, new Map(analysis.messages.map((m) => [m.key, m])), entries.map((e, i) => seenRequest(e, i)));
    expect(total).toBe(entries.length);
    expect(rows).toHaveLength(MAX_CAPTURE_ROWS);
    expect(rows.at(-1)!.kind).toBe('Response');
    expect(rows[0]!.url).toBe('https://sp.example.com/r/12');
  });
});
