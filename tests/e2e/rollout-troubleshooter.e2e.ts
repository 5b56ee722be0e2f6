import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { b64, fixtureXml } from '../support/har-builder';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { createSigningCredentials } from './certificate';
import { SCREENSHOT_DIR } from './screenshots';

// Issue 19: a failing sign-in to SonarQube Cloud, captured by the background recorder in a real Chromium, makes
// the popup's troubleshooter stop at the cause the capture shows, without asking. The Entra ID response carries a
// group overage claim (no group names) and no e-mail attribute: group synchronization comes first in the
// troubleshooting page's order, so that is where it stops.

const SAML_RESPONSE = b64(fixtureXml('entra/netsaml2-issue-49-response.xml'));
const ACS = 'https://sonarcloud.io/oauth2/callback/saml';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

/** Critical and serious WCAG 2.1 AA findings on the page as it stands. */
async function blockingViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** A stand-in for sonarcloud.io: an IdP page that auto-posts to the ACS, the ACS, and a landing page. */
async function startSonarWithIdp(): Promise<{ server: Server; port: number }> {
  const { key, cert } = await createSigningCredentials('sonarcloud.io');
  const server = createServer({ key, cert }, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://sonarcloud.io').pathname;
    if (path === '/idp') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<form method="post" action="${ACS}"><input type="hidden" name="SAMLResponse" value="${SAML_RESPONSE}"></form><script>document.forms[0].submit()</script>`);
    } else if (path === '/oauth2/callback/saml') {
      req.resume();
      req.on('end', () => {
        res.writeHead(302, { location: '/projects' });
        res.end();
      });
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<title>projects</title><p>landing</p>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

describe('the troubleshooter on a captured failing sign-in (Chromium)', () => {
  let browser: ExtensionBrowser;
  let server: Server;
  let dir: string;
  let tabId: number;
  let popup: Page;

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    // Recording needs webRequest and host access; headless Chromium cannot click the prompt, so the copy of the
    // build holds them as after the user accepted it.
    dir = await mkdtemp(join(tmpdir(), 'sso-lens-e2e-rollout-'));
    const extensionPath = join(dir, 'chrome-mv3');
    await cp(inject('extensionPath'), extensionPath, { recursive: true });
    const manifestPath = join(extensionPath, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, string[]>;
    manifest.permissions = [...(manifest.permissions ?? []), 'webRequest'];
    manifest.host_permissions = ['http://*/*', 'https://*/*'];
    await writeFile(manifestPath, JSON.stringify(manifest));

    const stub = await startSonarWithIdp();
    server = stub.server;
    browser = await launchWithExtension({
      extensionPath,
      args: [`--host-resolver-rules=MAP sonarcloud.io 127.0.0.1:${stub.port}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`, '--ignore-certificate-errors'],
    });

    const setup = await browser.openExtensionPage('popup.html');
    const recording = await setup.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'recorder:set-enabled', enabled: true }),
    );
    expect(recording).toEqual({ recording: true });
    const form = setup.getByRole('form', { name: 'Add your SonarQube Cloud enterprise' });
    await form.getByLabel('Region').selectOption({ label: 'EU (sonarcloud.io)' });
    await form.getByLabel('Enterprise key').fill('acme-e2e');
    await form.getByRole('button', { name: 'Add enterprise' }).click();
    await setup.getByRole('article', { name: 'acme-e2e' }).waitFor({ timeout: 5_000 });
    await setup.close();

    const tab = await browser.context.newPage();
    await tab.goto('https://sonarcloud.io/idp');
    await tab.waitForURL('https://sonarcloud.io/projects');
    tabId = await browser.serviceWorker.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> } } }).chrome;
      return (await chrome.tabs.query({})).find((t) => t.url?.endsWith('/projects'))!.id;
    });

    // Opened as a tab, the popup's "active tab" would be itself: it is told the signed-in tab is the active one,
    // as it is when the toolbar icon opens it over that tab.
    popup = await browser.context.newPage();
    await popup.addInitScript((id) => {
      const api = globalThis as unknown as Record<'chrome' | 'browser', { tabs?: { query: unknown } } | undefined>;
      for (const ns of [api.chrome, api.browser]) if (ns?.tabs) ns.tabs.query = async () => [{ id }];
    }, tabId);
    await popup.setViewportSize({ width: 400, height: 600 });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('judges the recorded sign-in and stops at the first documented cause it shows: group synchronization', async () => {
    // The recorder may still be storing the capture when the tab lands.
    for (let i = 0; i < 20; i++) {
      await popup.goto(browser.extensionUrl('popup.html'), { waitUntil: 'load' });
      if (await popup.getByText('Sign-in has errors').waitFor({ timeout: 2_000 }).then(() => true, () => false)) break;
    }
    expect(await popup.getByText('Sign-in has errors').count()).toBe(1);

    const card = popup.getByRole('article', { name: 'acme-e2e' });
    await card.getByRole('button', { name: 'Sign-in doesn’t work?' }).click();
    const answer = card.getByRole('heading', { level: 3 });
    await answer.waitFor({ timeout: 5_000 });
    expect(await answer.textContent()).toBe('Likely cause: The group synchronization failed');
    expect(await card.getByText(/^SSO Lens saw: The captured sign-in shows entra-group-overage\.$/).count()).toBe(1);
    expect(await card.getByText(/fewer groups/).count()).toBe(1);
    // Nothing was asked: the capture answered.
    expect(await card.getByRole('button', { name: 'Yes' }).count()).toBe(0);
    // What came before it in the page's order was ruled out from the capture.
    await card.getByText('Checked so far (1)').click();
    expect(await card.getByText(/SSO Lens saw: SonarQube Cloud sent the captured sign-in on to the IdP/).count()).toBe(1);
  });

  it('stays within 600 px, scrolling inside, passes axe and renders in light and dark (screenshots for the README)', async () => {
    const height = await popup.evaluate(() => document.querySelector('main.popup')!.getBoundingClientRect().height);
    expect(height).toBeLessThanOrEqual(600);
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      expect(await blockingViolations(popup), `troubleshooter, ${colorScheme}`).toEqual([]);
      const path = join(SCREENSHOT_DIR, `popup-troubleshooter-${colorScheme}.png`);
      await popup.screenshot({ path });
      expect((await stat(path)).size).toBeGreaterThan(1000);
    }
    const card = popup.getByRole('article', { name: 'acme-e2e' });
    await card.getByRole('button', { name: 'Rollout checklist' }).click();
    await card.getByText(/steps done/).waitFor({ timeout: 5_000 });
    expect(await popup.evaluate(() => document.querySelector('main.popup')!.getBoundingClientRect().height)).toBeLessThanOrEqual(600);
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      expect(await blockingViolations(popup), `checklist, ${colorScheme}`).toEqual([]);
      await popup.screenshot({ path: join(SCREENSHOT_DIR, `popup-checklist-${colorScheme}.png`) });
    }
  });
});
