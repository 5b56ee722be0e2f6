import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itLogsNoConsoleProblem } from './console-check';
import { launch, until, type ExtensionBrowser, type TestPage } from './harness/harness';
import { startNetworkSentinel, type NetworkSentinel } from './network-sentinel';
import { screenshotPath } from './screenshots';
import { startSonarStub, type SonarStub } from './sonar-stub';

// Issue 6: the popup's first-run form, then the one-click link copied and opened, in each browser.
// The links are written out, not built with the code under test: a wrong host or parameter must fail here.
const REGIONS = [
  { region: 'eu', key: 'acme-e2e', link: 'https://sonarcloud.io/login/sso?enterprise_key=acme-e2e' },
  { region: 'us', key: 'acme-us-e2e', link: 'https://sonarqube.us/login/sso?enterprise_key=acme-us-e2e' },
] as const;

/** What the clipboard holds before a copy, so a copy that did nothing cannot pass. */
const BEFORE_COPY = 'nothing copied yet';

const FIRST_RUN = { role: 'form', name: 'Add your SonarQube Cloud enterprise' } as const;

describe('the popup signs in with one click', () => {
  let stub: SonarStub;
  let sentinel: NetworkSentinel;
  const started: ExtensionBrowser[] = [];
  beforeAll(async () => {
    stub = await startSonarStub();
    sentinel = await startNetworkSentinel(stub.tunnels);
  });
  afterAll(async () => {
    await stub?.close();
    await sentinel?.close();
  });

  describe.each(REGIONS)('$region region', ({ region, key, link }) => {
    let browser: ExtensionBrowser;
    let popup: TestPage;
    const card = { role: 'article', name: key } as const;
    beforeAll(async () => {
      // A fresh profile per region: the first-run form shows only while no enterprise is saved.
      browser = await launch({ proxyUrl: sentinel.proxyUrl });
      started.push(browser);
      popup = await browser.openExtensionPage('popup.html');
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('adds the enterprise from the first-run form', async () => {
      await popup.select({ within: FIRST_RUN, role: 'combobox', name: 'Region' }, region);
      await popup.fill({ within: FIRST_RUN, role: 'textbox', name: 'Enterprise key' }, key);
      await popup.click({ within: FIRST_RUN, role: 'button', name: 'Add enterprise' });

      await popup.waitFor(card);
      expect(await popup.count({ within: card, text: link })).toBe(1);
      expect(await popup.count(FIRST_RUN)).toBe(0);
    });

    it('copies exactly the one-click link, and says so on the button', async () => {
      await browser.writeClipboard(BEFORE_COPY);
      expect(await browser.readClipboard()).toBe(BEFORE_COPY);

      const copy = { within: card, role: 'button', name: 'Copy one-click link' } as const;
      await popup.click(copy);
      // The label turns into the confirmation where the user looks (for 2 s), and the live region tells screen
      // readers.
      await popup.waitFor({ within: card, role: 'button', text: '✓ Copied' });
      expect(await popup.count({ role: 'status', text: 'Copied' })).toBe(1);
      expect(await popup.count({ text: 'Could not copy', partial: true, css: 'p, div, span' })).toBe(0);
      expect(await browser.readClipboard()).toBe(link);
    });

    it('renders the saved enterprise in light and dark (screenshots for the README)', async () => {
      await popup.setViewport(400, 600);
      for (const scheme of ['light', 'dark'] as const) {
        await browser.setColorScheme(scheme);
        const path = screenshotPath(`popup-enterprise-${key}-${scheme}`);
        await mkdir(dirname(path), { recursive: true });
        await popup.screenshot(path);
        expect((await stat(path)).size).toBeGreaterThan(1000);
      }
      await browser.setColorScheme('light');
    });

    it('keeps a short enterprise name on one line beside its badges at 400 px', async () => {
      await popup.setViewport(400, 600);
      const lines = await popup.evaluate((name) => {
        const title = [...document.querySelectorAll('article h2')].find((h) => h.textContent === name);
        if (!title) return -1;
        const range = document.createRange();
        range.selectNodeContents(title);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }, key);
      expect(lines).toBe(1);
    });

    it('stays within 600 px with the rollout checklist open, scrolling inside', async () => {
      await popup.setViewport(400, 600);
      await popup.click({ within: card, role: 'button', name: 'Rollout checklist', partial: true });
      await popup.waitFor({ within: card, css: 'ol.checklist' });
      const size = await popup.evaluate(() => {
        const root = document.querySelector<HTMLElement>('.popup')!;
        return { page: document.documentElement.scrollHeight, height: root.clientHeight, content: root.scrollHeight };
      });
      expect(size.page).toBeLessThanOrEqual(600);
      expect(size.content, 'the open checklist makes the popup scroll').toBeGreaterThan(size.height);
      await popup.screenshot(screenshotPath(`popup-checklist-open-${key}`));
      await popup.click({ within: card, role: 'button', name: 'Rollout checklist', partial: true });
    });

    it('opens the one-click link in a new tab', async () => {
      const before = stub.requested.length;
      await popup.click({ within: card, role: 'button', name: 'Open' });
      const asked = await until(async () => stub.requested.slice(before), (r) => r.length > 0, 'requests to the stub');
      expect(asked).toEqual([link]);
    });
  });

  itLogsNoConsoleProblem(() => started);
});
