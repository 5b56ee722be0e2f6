import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itLogsNoConsoleProblem } from './console-check';
import { launch, sleep, type ExtensionBrowser } from './harness/harness';
import { listen, type RunningServer } from './http-server';
import { startNetworkSentinel, type NetworkSentinel } from './network-sentinel';

const PAGES = ['popup.html', 'options.html', 'panel.html'];

// The browsers' own services, which they call even with background networking off (component, extension and
// blocklist updates, account and captive-portal probes). The sentinel cannot tell who asked, so these domains
// are set aside; the add-on has no reason to call any of them.
const BROWSER_SERVICE_DOMAINS = ['google.com', 'googleapis.com', 'gvt1.com', 'gstatic.com', 'mozilla.com', 'mozilla.net', 'mozilla.org', 'firefox.com', 'mozaws.net'];
const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};
const isBrowserOwn = (heard: string) => {
  const host = heard.startsWith('CONNECT ') ? heard.slice(8).split(':')[0]! : hostOf(heard.split(' ')[1] ?? '');
  return BROWSER_SERVICE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
};

/** A navigation the test makes itself, to show the sentinel hears the browser. */
const CONTROL_URL = 'http://sentinel-control.invalid/';

// Privacy promise: no network call the user did not ask for. Every request the browser sends, loopback
// included, goes through the sentinel proxy; only the test's own probes may leave the add-on.
describe('extension pages stay off the network', () => {
  let browser: ExtensionBrowser;
  let probe: RunningServer;
  let sentinel: NetworkSentinel;

  beforeAll(async () => {
    probe = await listen(() => (_req, _url, res) => {
      res.writeHead(204);
      res.end();
    });
    sentinel = await startNetworkSentinel();
    browser = await launch({ proxyUrl: sentinel.proxyUrl });
  });
  afterAll(async () => {
    await browser?.close();
    await probe?.close();
    await sentinel?.close();
  });
  /** What reached the sentinel that neither the browser itself nor the test asked for. */
  const heardBeyondTheTest = () => sentinel.heard.filter((h) => !isBrowserOwn(h) && !h.includes(probe.origin) && !h.includes(CONTROL_URL));

  it('hears a request an extension page makes (the proxy sees the add-on)', async () => {
    const url = `${probe.origin}/from-page`;
    await browser.extensionCall((u) => fetch(u, { mode: 'no-cors' }).then(() => 'done', () => 'refused'), url);
    expect(sentinel.heard).toContain(`GET ${url}`);
  });

  it('sends nothing out of the browser from launch until now, apart from what the test asked for', async () => {
    // The sentinel must hear a request the test makes, or its silence proves nothing.
    const tab = await browser.newPage();
    await tab.goto(CONTROL_URL).catch(() => undefined);
    await tab.close();
    expect(sentinel.heard).toContain(`GET ${CONTROL_URL}`);
    expect(heardBeyondTheTest()).toEqual([]);
  });

  it.each(PAGES)('%s makes no request of its own', async (path) => {
    const page = await browser.openExtensionPage(path);
    // Walk the page by keyboard: focus changes may lazy-load views.
    for (let i = 0; i < 10; i++) await page.press('Tab');
    await sleep(500);
    expect(heardBeyondTheTest()).toEqual([]);
    await page.close();
  });

  itLogsNoConsoleProblem(() => [browser]);
});
