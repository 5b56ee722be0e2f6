import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser, type ExtensionPage } from './browser';
import { listen, type RunningServer } from './http-server';
import { startNetworkSentinel, type NetworkSentinel } from './network-sentinel';

const PAGES: ExtensionPage[] = ['popup.html', 'options.html', 'panel.html'];

// Chromium's own services, which it calls even with background networking off (component and extension
// update checks and their download CDN, Google account probes). The sentinel cannot tell who asked, so
// these domains are set aside here; requests from extension pages and the worker to any host, these
// included, are caught by the page and worker listener below.
const CHROMIUM_SERVICE_DOMAINS = ['google.com', 'googleapis.com', 'gvt1.com', 'gstatic.com'];
const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};
const isChromiumOwn = (heard: string) => {
  const host = heard.startsWith('CONNECT ') ? heard.slice(8).split(':')[0]! : hostOf(heard.split(' ')[1] ?? '');
  return CHROMIUM_SERVICE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
};

/** A navigation the test makes itself, to show the sentinel hears the browser. */
const CONTROL_URL = 'http://sentinel-control.invalid/';

// Privacy promise: no network call the user did not ask for. Every request the browser makes on the
// extension's behalf is heard here; only the test's own probe may leave the extension.
describe('extension pages and the service worker stay off the network', () => {
  let browser: ExtensionBrowser;
  let probe: RunningServer;
  let sentinel: NetworkSentinel;
  const requests: Array<{ url: string; from: string }> = [];
  const onRequest = (request: Request) => {
    const from = request.serviceWorker()?.url() ?? request.frame().url();
    requests.push({ url: request.url(), from });
  };
  const isExtensionUrl = (url: string) =>
    url.startsWith(`chrome-extension://${browser.extensionId}/`) || url.startsWith('data:') || url.startsWith('blob:');
  const networkRequests = () => requests.filter((r) => !isExtensionUrl(r.url));

  beforeAll(async () => {
    probe = await listen(() => (_req, _url, res) => {
      res.writeHead(204);
      res.end();
    });
    sentinel = await startNetworkSentinel();
    browser = await launchWithExtension({ extensionPath: inject('extensionPath'), proxyUrl: sentinel.proxyUrl });
    browser.context.on('request', onRequest);
  });
  afterAll(async () => {
    await browser?.close();
    await probe?.close();
    await sentinel?.close();
  });
  /** What reached the sentinel that neither Chromium itself nor the test asked for. */
  const heardBeyondTheTest = () =>
    sentinel.heard.filter((h) => !isChromiumOwn(h) && !h.includes(probe.origin) && !h.includes(CONTROL_URL));

  it('hears a request the service worker makes (the listener works)', async () => {
    const url = `${probe.origin}/from-service-worker`;
    await browser.serviceWorker.evaluate((u) => fetch(u, { mode: 'no-cors' }).then((r) => r.type), url);
    expect(networkRequests().map((r) => r.url)).toContain(url);
    requests.length = 0;
  });

  it('hears a request an extension page makes (the listener works)', async () => {
    const tab = await browser.openExtensionPage('popup.html');
    const url = `${probe.origin}/from-page`;
    await tab.evaluate((u) => fetch(u, { mode: 'no-cors' }).then((r) => r.type), url);
    expect(networkRequests().map((r) => r.url)).toContain(url);
    await tab.close();
    requests.length = 0;
  });

  it('sends nothing out of the browser from launch until now, apart from what the test asked for', async () => {
    // The sentinel must hear a request the test makes, or its silence proves nothing.
    const tab = await browser.context.newPage();
    await tab.goto(CONTROL_URL).catch(() => undefined);
    await tab.close();
    expect(sentinel.heard).toContain(`GET ${CONTROL_URL}`);
    expect(heardBeyondTheTest()).toEqual([]);
    requests.length = 0;
  });

  it.each(PAGES)('%s makes no request of its own', async (page) => {
    const tab = await browser.openExtensionPage(page);
    await tab.waitForLoadState('networkidle');
    // Walk the page by keyboard: focus changes may lazy-load views.
    for (let i = 0; i < 10; i++) await tab.keyboard.press('Tab');
    await tab.waitForTimeout(300);
    expect(networkRequests()).toEqual([]);
    expect(heardBeyondTheTest()).toEqual([]);
    await tab.close();
  });
});
