import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import type { HarEntry } from '../har/types';
import { plainEntry } from '../../tests/support/har-builder';
import { IDP_SSO, signInEntries } from '../../tests/support/protocol-builder';

const redirect = (url: string, to: string, time: string): HarEntry => ({
  startedDateTime: time,
  time: 12,
  request: { method: 'GET', url, headers: [] },
  response: { status: 302, headers: [{ name: 'Location', value: to }], content: { mimeType: 'text/html' } },
});

describe('a sign-in flow and its trace', () => {
  it('keeps the redirect chain into the request, the hops between, and the landing page after', () => {
    const [request, response] = signInEntries({ acsStatus: 302 });
    const start = redirect('https://sp.example.com/login', request!.request.url, '2024-01-01T09:59:54.000Z');
    const unrelated = plainEntry('https://cdn.example.com/logo.png', { time: '2024-01-01T09:59:53.000Z' });
    const idpForm = plainEntry(`${IDP_SSO}/form`, { time: '2024-01-01T09:59:58.000Z' });
    response!.response.headers = [{ name: 'Location', value: '/home' }];
    const landing = plainEntry('https://sp.example.com/home', { time: '2024-01-01T10:00:03.000Z' });
    const after = plainEntry('https://sp.example.com/api/later', { time: '2024-01-01T10:00:04.000Z' });
    const { flows } = analyze([unrelated, start, request!, idpForm, response!, landing, after]);
    expect(flows).toHaveLength(1);
    expect(flows[0]!.hops?.map((h) => [h.exchangeIndex, h.url, h.status, h.location])).toEqual([
      [1, 'https://sp.example.com/login', 302, request!.request.url],
      [3, `${IDP_SSO}/form`, 200, undefined],
      [5, 'https://sp.example.com/home', 200, undefined],
    ]);
    expect(flows[0]!.hops![0]).toMatchObject({ durationMs: 12, mimeType: 'text/html', capturedAt: '2024-01-01T09:59:54.000Z' });
  });

  it('does not take an unrelated redirect before the request', () => {
    const [request, response] = signInEntries();
    const other = redirect('https://news.example.com/', 'https://news.example.com/today', '2024-01-01T09:59:50.000Z');
    expect(analyze([other, request!, response!]).flows[0]!.hops).toBeUndefined();
  });
});
