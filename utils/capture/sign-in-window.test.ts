import { describe, expect, it } from 'vitest';
import { b64, deflateB64, plainEntry, postEntry } from '../../tests/support/har-builder';
import type { HarEntry } from '../har/types';
import { classify, CLOSED, HOP_WINDOW_MS, MAX_HOP_BODY_CHARS, MAX_HOPS_PER_WINDOW, slimHop, type WindowState } from './sign-in-window';

const at = (second: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, second)).toISOString();
const saml = (second: number) => postEntry('https://sp.example/acs', 'SAMLResponse', b64('<x/>'), { time: at(second) });
const page = (second: number) => plainEntry('https://sp.example/page', { time: at(second) });

function keepAll(entries: HarEntry[]) {
  let window: WindowState = CLOSED;
  return entries.map((e) => {
    const v = classify(e, window);
    window = v.window;
    return v.keep;
  });
}

describe('sign-in window', () => {
  it('keeps protocol exchanges, and other requests only while a window is open', () => {
    expect(keepAll([page(0), saml(1), page(2), page(1 + HOP_WINDOW_MS / 1000 + 1), page(40)])).toEqual([false, 'protocol', 'hop', false, false]);
  });

  it('keeps at most MAX_HOPS_PER_WINDOW hops per window, and a new protocol exchange opens a new one', () => {
    const kept = keepAll([saml(0), ...Array.from({ length: MAX_HOPS_PER_WINDOW + 5 }, () => page(1)), saml(2), page(3)]);
    expect(kept.filter((k) => k === 'hop')).toHaveLength(MAX_HOPS_PER_WINDOW + 1);
    expect(kept.at(-1)).toBe('hop');
  });

  it('keeps a hop without its request body, and its response body only for a small error page', () => {
    const withBodies = (status: number, text: string): HarEntry => ({
      ...plainEntry('https://idp.example/x', { method: 'POST', text: 'password=secret' }),
      response: { status, headers: [], content: { mimeType: 'text/html', text } },
    });
    const ok = slimHop(withBodies(200, '<html>app</html>'));
    expect(ok.request.postData).toBeUndefined();
    expect(ok.response.content).toEqual({ mimeType: 'text/html' });
    expect(slimHop(withBodies(500, 'AADSTS50011')).response.content?.text).toBe('AADSTS50011');
    expect(slimHop(withBodies(500, 'x'.repeat(MAX_HOP_BODY_CHARS + 1))).response.content?.text).toBeUndefined();
  });

  it('keeps the redirect that sends the browser to a SAMLRequest before any window is open, and no other redirect', () => {
    const redirect = (location: string): HarEntry => ({
      ...plainEntry('https://sp.example/login', { time: at(0) }),
      response: { status: 302, headers: [{ name: 'Location', value: location }] },
    });
    const toIdp = redirect(`https://idp.example/sso?SAMLRequest=${encodeURIComponent(deflateB64('<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1"/>'))}`);
    expect(keepAll([toIdp])).toEqual(['hop']);
    expect(keepAll([redirect('/home'), redirect('https://idp.example/sso?next=%2Fapp')])).toEqual([false, false]);
    expect(keepAll([{ ...toIdp, response: { status: 200, headers: toIdp.response.headers } }])).toEqual([false]);
  });
});
