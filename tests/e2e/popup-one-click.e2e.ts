import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { SCREENSHOT_DIR } from './screenshots';
import { startSonarStub, STUB_TITLE, type SonarStub } from './sonar-stub';

// Issue 6: the popup's first-run form, then the one-click link copied and opened, in a real Chromium.
// The links are written out, not built with the code under test: a wrong host or parameter must fail here.
const REGIONS = [
  { region: 'eu', label: 'EU (sonarcloud.io)', key: 'acme-e2e', link: 'https://sonarcloud.io/login/sso?enterprise_key=acme-e2e' },
  { region: 'us', label: 'US (sonarqube.us)', key: 'acme-us-e2e', link: 'https://sonarqube.us/login/sso?enterprise_key=acme-us-e2e' },
] as const;

/** What the clipboard holds before the copy, so a copy that did nothing cannot pass. */
const BEFORE_COPY = 'nothing copied yet';

const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

describe('the popup signs in with one click', () => {
  let stub: SonarStub;
  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    stub = await startSonarStub();
  });
  afterAll(async () => {
    await stub?.close();
  });

  describe.each(REGIONS)('$region region', ({ label, key, link }) => {
    let browser: ExtensionBrowser;
    let popup: Page;
    beforeAll(async () => {
      // A fresh profile per region: the first-run form shows only while no enterprise is saved.
      browser = await launchWithExtension({ extensionPath: inject('extensionPath'), args: stub.browserArgs });
      await stub.route(browser.context);
      // Chromium refuses to grant to chrome-extension:// origins by name ("opaque origins"); granted to all,
      // the extension page may read the clipboard back.
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      popup = await browser.openExtensionPage('popup.html');
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('adds the enterprise from the first-run form', async () => {
      const form = popup.getByRole('form', { name: 'Add your SonarQube Cloud enterprise' });
      await form.getByLabel('Region').selectOption({ label });
      await form.getByLabel('Enterprise key').fill(key);
      await form.getByRole('button', { name: 'Add enterprise' }).click();

      const card = popup.getByRole('article', { name: key });
      await card.waitFor({ timeout: 5_000 });
      expect(await card.getByText(link, { exact: true }).count()).toBe(1);
      expect(await form.count()).toBe(0);
    });

    it('copies exactly the one-click link, and says so on the button', async () => {
      await popup.evaluate((text) => navigator.clipboard.writeText(text), BEFORE_COPY);
      expect(await readClipboard(popup)).toBe(BEFORE_COPY);

      const copy = popup.getByRole('article', { name: key }).getByRole('button', { name: 'Copy one-click link' });
      await copy.click();

      // The label turns into the confirmation where the user looks (for 2 s), and the live region tells screen
      // readers.
      await expect.poll(() => copy.textContent()).toBe('✓ Copied');
      expect(await copy.isVisible()).toBe(true);
      expect(await popup.getByRole('status').filter({ hasText: /^Copied$/ }).count()).toBe(1);
      expect(await popup.getByText('Could not copy').count()).toBe(0);
      expect(await readClipboard(popup)).toBe(link);
    });

    it('renders the saved enterprise in light and dark (screenshots for the README)', async () => {
      await popup.setViewportSize({ width: 400, height: 600 });
      for (const colorScheme of ['light', 'dark'] as const) {
        await popup.emulateMedia({ colorScheme });
        const path = join(SCREENSHOT_DIR, `popup-enterprise-${key}-${colorScheme}.png`);
        await popup.screenshot({ path });
        expect((await stat(path)).size).toBeGreaterThan(1000);
      }
    });

    it('opens the one-click link in a new tab', async () => {
      const before = stub.requested.length;
      const opened = browser.context.waitForEvent('page', { timeout: 5_000 });
      await popup.getByRole('article', { name: key }).getByRole('button', { name: 'Open', exact: true }).click();
      const tab = await opened;
      await tab.waitForLoadState('load');

      expect(stub.requested.slice(before)).toEqual([link]);
      expect(tab.url()).toBe(link);
      expect(await tab.title()).toBe(STUB_TITLE);
    });
  });
});
