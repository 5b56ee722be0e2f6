import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { plainEntry } from '../../tests/support/har-builder';
import { signInEntries } from '../../tests/support/protocol-builder';
import { traceRows } from './trace-rows';

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
