// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { b64, fixtureXml, postEntry } from '../../tests/support/har-builder';
import { buildResponse, SONAR_ACS } from '../../tests/support/response-builder';
import { openGroupStore } from '../groups/store';
import type { RecorderSignIn } from './protocol';
import { judgeSignIn } from './sign-in-verdict';

const signIn: RecorderSignIn = {
  seq: 2,
  entries: [postEntry('https://sonarcloud.io/oauth2/callback/saml', 'SAMLResponse', b64(fixtureXml('entra/netsaml2-issue-49-response.xml')), { status: 302 })],
  flows: 1,
};

const withGroups = (groups: string[]): RecorderSignIn => ({
  seq: 3,
  entries: [
    postEntry(SONAR_ACS, 'SAMLResponse', b64(buildResponse({ attributes: { login: ['jdoe'], name: ['Jane'], email: ['jane@example.com'], groups } })), {
      time: '2024-01-01T00:00:30.000Z',
      status: 302,
    }),
  ],
  flows: 1,
});

/** Posts one sign-in to the worker's handler and returns what it answered. */
async function ask(data: RecorderSignIn): Promise<unknown> {
  const post = vi.spyOn(globalThis, 'postMessage').mockImplementation(() => {});
  await (self.onmessage as (e: MessageEvent) => Promise<void>)(new MessageEvent('message', { data }));
  return post.mock.calls.at(-1)?.[0];
}

describe('sign-in verdict worker', () => {
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory(); // an empty cache for each test
    // happy-dom's window stands in for the worker's global scope.
    await import('./sign-in-verdict.worker');
  });
  afterEach(() => vi.restoreAllMocks());

  it('answers each sign-in it is sent with its verdict', async () => {
    const answer = await ask(signIn);
    expect(answer).toEqual(judgeSignIn(signIn));
    expect(answer).toMatchObject({ worst: 'error', host: 'sonarcloud.io' });
  });

  it('judges groups against the cached organization lists when there are some', async () => {
    expect(await ask(withGroups(['Developers']))).not.toHaveProperty('groupsMatch');
    const store = await openGroupStore();
    await store.replaceOrganization({ region: 'eu', organization: 'acme', source: 'paste' }, [{ name: 'Developers', isDefault: false }, { name: 'Members', isDefault: true }]);
    store.close();
    expect(await ask(withGroups(['Developers']))).toMatchObject({ groupsMatch: true });
    expect(await ask(withGroups(['developers']))).toMatchObject({ groupsMatch: false });
  });
});
