import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { b64, fixtureXml } from '../support/har-builder';
import { itLogsNoConsoleProblem } from './console-check';
import { launch, until, type ExtensionBrowser } from './harness/harness';
import { listen, type RunningServer } from './http-server';

// The background recorder (issue 4, "With DevTools closed") in each browser: real webRequest events, real
// request bodies, the background's storage.session.

const SAML_RESPONSE = b64(fixtureXml('entra/netsaml2-issue-49-response.xml'));

type Reply = Record<string, unknown> & { entries?: Array<{ tabId: number; entry: { request: { url: string; postData?: { text?: string; _truncated?: boolean } }; response: { status: number } } }> };

interface Api {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> };
  storage: Record<'session' | 'local', { get(k: string | null): Promise<Record<string, unknown>> }>;
}

// Functions given to extensionCall run in the page: they name the API there, not through this module.
/** Sends a protocol message from an extension page, as the panel does. */
const ask = (browser: ExtensionBrowser, message: unknown): Promise<Reply> =>
  browser.extensionCall((m) => (globalThis as unknown as { browser: Api }).browser.runtime.sendMessage(m), message) as Promise<Reply>;

describe('the background recorder', () => {
  const started: ExtensionBrowser[] = [];
  describe('as installed (no optional permission granted)', () => {
    let browser: ExtensionBrowser;
    beforeAll(async () => {
      browser = await launch();
      started.push(browser);
    });
    afterAll(async () => browser?.close());

    it('is off, answers the protocol, and says that permission is missing when asked to record', async () => {
      expect(await ask(browser, { type: 'recorder:get-captures', tabId: 1 })).toEqual({ entries: [], recording: false, otherRequests: 0 });
      const reply = await ask(browser, { type: 'recorder:set-enabled', enabled: true });
      expect(reply.recording).toBe(false);
      expect(String(reply.error)).toMatch(/access to the sites/);
    });
  });

  describe('with webRequest and host access granted', () => {
    let browser: ExtensionBrowser;
    let server: RunningServer;

    beforeAll(async () => {

      server = await listen((origin) => (req, url, res) => {
        if (url.pathname === '/login') {
          // An IdP page that auto-posts the Response to the SP's ACS, like every HTTP-POST binding form.
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(`<form method="post" action="${origin}/acs"><input type="hidden" name="SAMLResponse" value="${SAML_RESPONSE}"><input type="hidden" name="RelayState" value="/projects"></form><script>document.forms[0].submit()</script>`);
        } else if (url.pathname === '/spa') {
          // A single-page app posting with fetch and a non-form type: Chromium gives raw bytes, no formData.
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(`<script>fetch('/acs', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'SAMLResponse=' + encodeURIComponent('${SAML_RESPONSE}') }).then(() => document.title = 'posted')</script>`);
        } else if (url.pathname === '/acs') {
          req.resume();
          req.on('end', () => {
            res.writeHead(302, { location: `${origin}/projects` });
            res.end();
          });
        } else {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<p>ok</p>');
        }
      });
      // The permission prompt cannot be clicked in headless browsers: granted as a user accepting it would.
      browser = await launch({ grantOptional: true });
      started.push(browser);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('records a 13 KB HTTP-POST sign-in with the whole body, counts the rest, and picks it for the popup to judge', async () => {
      expect(await ask(browser, { type: 'recorder:set-enabled', enabled: true })).toEqual({ recording: true });
      const tab = await browser.newPage();
      await tab.goto(`${server.origin}/login`);
      await until(() => tab.url(), (url) => url === `${server.origin}/projects`, 'the page after the ACS');
      const tabId = await browser.extensionCall(async () => (await (globalThis as unknown as { browser: Api }).browser.tabs.query({})).find((t) => t.url?.endsWith('/projects'))?.id);
      expect(tabId).toBeGreaterThan(0);

      const acsPosts = (reply: Reply) => (reply.entries ?? []).filter(({ entry }) => entry.request.url === `${server.origin}/acs`);
      const captures = await until(() => ask(browser, { type: 'recorder:get-captures', tabId }), (reply) => acsPosts(reply).length > 0, 'the capture');
      expect(acsPosts(captures)).toHaveLength(1);
      const { entry } = acsPosts(captures)[0]!;
      expect(entry.response.status).toBe(302);
      expect(entry.request.postData?._truncated).toBeUndefined();
      expect(new URLSearchParams(entry.request.postData?.text).get('SAMLResponse')).toBe(SAML_RESPONSE);
      // /login, /acs and /projects: each is kept (the POST, and the sign-in's hops around it) or counted.
      expect(captures.entries!.length + Number(captures.otherRequests)).toBeGreaterThanOrEqual(3);

      const stored = await browser.extensionCall(
        async (key) => ({ verdict: (await (globalThis as unknown as { browser: Api }).browser.storage.session.get(key))[key], local: await (globalThis as unknown as { browser: Api }).browser.storage.local.get(null) }),
        `verdict:${tabId}`,
      );
      // The background does not judge (the engine is not in it): it hands the popup what to judge.
      expect(stored.verdict).toBeUndefined();
      expect(JSON.stringify(stored.local)).not.toContain('SAML');
      const signIn = await ask(browser, { type: 'recorder:get-sign-in', tabId });
      expect(signIn).toMatchObject({ seq: expect.any(Number), flows: 1 });
      expect(signIn.entries).toContainEqual(entry);
    });

    it('reads the raw body when the browser gives no formData (fetch with a text body)', async () => {
      const tab = await browser.newPage();
      await tab.goto(`${server.origin}/spa`);
      await until(() => tab.evaluate(() => document.title), (title) => title === 'posted', 'the fetch');
      const acsPosts = (reply: Reply) => (reply.entries ?? []).filter(({ entry }) => entry.request.url === `${server.origin}/acs`);
      // The form post of the first test, then this one.
      const captures = await until(() => ask(browser, { type: 'recorder:get-captures' }), (reply) => acsPosts(reply).length >= 2, 'the fetch capture');
      const fromFetch = acsPosts(captures).at(-1)!.entry;
      expect(fromFetch.request.postData).toMatchObject({ mimeType: 'text/plain' });
      expect(new URLSearchParams(fromFetch.request.postData?.text).get('SAMLResponse')).toBe(SAML_RESPONSE);
    });
  });

  itLogsNoConsoleProblem(() => started);
});
