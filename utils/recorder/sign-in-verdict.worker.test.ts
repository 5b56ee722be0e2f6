// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { b64, fixtureXml, postEntry } from '../../tests/support/har-builder';
import type { RecorderSignIn } from './protocol';
import { judgeSignIn } from './sign-in-verdict';

const signIn: RecorderSignIn = {
  seq: 2,
  entries: [postEntry('https://sonarcloud.io/oauth2/callback/saml', 'SAMLResponse', b64(fixtureXml('entra/netsaml2-issue-49-response.xml')), { status: 302 })],
  flows: 1,
};

describe('sign-in verdict worker', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers each sign-in it is sent with its verdict', async () => {
    // happy-dom's window stands in for the worker's global scope.
    const post = vi.spyOn(globalThis, 'postMessage').mockImplementation(() => {});
    await import('./sign-in-verdict.worker');
    self.onmessage!(new MessageEvent('message', { data: signIn }));
    expect(post).toHaveBeenCalledWith(judgeSignIn(signIn));
    expect(post.mock.calls[0]![0]).toMatchObject({ worst: 'error', host: 'sonarcloud.io' });
  });
});
