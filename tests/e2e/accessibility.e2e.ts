import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { har } from '../support/har-builder';
import { fixturePost, signInEntries } from '../support/protocol-builder';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { PANEL } from './panel-page';

// WCAG 2.1 AA, checked by axe-core in the real pages, in light and dark. The extension's CSP refuses injected
// <script> tags, so axe's source is evaluated through the browser's debugging protocol, which CSP does not govern.
const axeSource: string = createRequire(import.meta.url)('axe-core').source;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const RESULTS_DIR = new URL('../../test-results/', import.meta.url).pathname;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

async function audit(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, TAGS);
}

/** Back to the first-run state: the saved settings live in storage.sync, mirrored to storage.local. */
const forgetEnterprises = (page: Page) =>
  page.evaluate(async () => {
    const { storage } = (globalThis as unknown as { chrome: { storage: Record<'sync' | 'local', { clear(): Promise<void> }> } }).chrome;
    await storage.sync.clear();
    await storage.local.clear();
  });

const blocking = (violations: Violation[]) => violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');

/** The HAR the panel states are audited on: a SonarQube Cloud sign-in answered 403, and an Entra Response. */
function auditHar(): string {
  return har([...signInEntries({ acsStatus: 403 }), ...fixturePost('entra/saml2aws-aad-response.xml').entries]);
}

const activeElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body|';
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}|${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''}` : '';
  });

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  let browser: ExtensionBrowser;
  let dir: string;
  let harPath: string;
  const moderate: Array<{ state: string } & Violation> = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sso-lens-a11y-'));
    harPath = join(dir, 'audit.har');
    await writeFile(harPath, auditHar());
    browser = await launchWithExtension({ extensionPath: inject('extensionPath') });
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
    await mkdir(RESULTS_DIR, { recursive: true });
    // The moderate and minor ones are listed for the README, not failed on.
    await writeFile(join(RESULTS_DIR, 'accessibility-moderate.json'), JSON.stringify(moderate, null, 2));
  });

  async function open(path: string, scheme: 'light' | 'dark', width = 1280, height = 800): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(browser.extensionUrl(path), { waitUntil: 'load' });
    // Keys and the file chooser go to the foreground tab only.
    await page.bringToFront();
    return page;
  }

  async function expectClean(page: Page, state: string) {
    const violations = await audit(page);
    moderate.push(...violations.filter((v) => !blocking([v]).length).map((v) => ({ state, ...v })));
    expect(blocking(violations), `${state}: ${JSON.stringify(blocking(violations), null, 1)}`).toEqual([]);
  }

  describe.each(['light', 'dark'] as const)('%s theme', (scheme) => {
    it('popup: first run, then an enterprise with its checklist open', async () => {
      const popup = await open('popup.html', scheme, 400, 600);
      await popup.getByRole('form', { name: 'Add your SonarQube Cloud enterprise' }).waitFor();
      await expectClean(popup, `popup first run (${scheme})`);

      await popup.getByLabel('Enterprise key').fill(`acme-${scheme}`);
      await popup.getByRole('button', { name: 'Add enterprise' }).click();
      const card = popup.getByRole('article', { name: `acme-${scheme}` });
      await card.waitFor();
      await card.getByRole('button', { name: /Rollout checklist/ }).click();
      await card.getByRole('button', { name: 'Copy one-click link' }).click();
      await card.getByRole('button', { name: 'Copied: Copy one-click link' }).waitFor();
      await expectClean(popup, `popup with an enterprise, checklist open, link copied (${scheme})`);
      // Clean up for the other theme's first-run state.
      await forgetEnterprises(popup);
      await popup.close();
    });

    it('options: every tab', async () => {
      const options = await open('options.html', scheme);
      const tabs = options.getByRole('tab');
      const count = await tabs.count();
      expect(count).toBeGreaterThan(1);
      for (let i = 0; i < count; i++) {
        await tabs.nth(i).click();
        await options.getByRole('tabpanel').waitFor();
        await expectClean(options, `options tab ${(await tabs.nth(i).textContent())?.trim()} (${scheme})`);
      }
      await options.close();
    });

    it('panel: empty, then a HAR on every detail tab', async () => {
      const panel = await open('panel.html', scheme);
      await panel.locator(PANEL.harImport).waitFor({ state: 'attached' });
      await expectClean(panel, `panel empty (${scheme})`);

      await panel.locator(PANEL.harImport).setInputFiles(harPath);
      await panel.locator(PANEL.messageRow).first().waitFor();
      await panel.locator(`${PANEL.messageRow}[data-kind="Response"]`).first().click();
      const tabs = panel.getByRole('tab');
      const count = await tabs.count();
      expect(count).toBeGreaterThanOrEqual(5);
      for (let i = 0; i < count; i++) {
        await tabs.nth(i).click();
        await expectClean(panel, `panel detail tab ${(await tabs.nth(i).textContent())?.trim()} (${scheme})`);
      }
      await panel.close();
    });
  });

  it('keyboard only: add an enterprise and copy its one-click link', async () => {
    const popup = await open('popup.html', 'light', 400, 600);
    await popup.getByRole('form', { name: 'Add your SonarQube Cloud enterprise' }).waitFor();
    // Past the header's Options link to the region, then the key field: Tab order follows the form.
    for (let i = 0; i < 5 && !(await activeElement(popup)).startsWith('select'); i++) await popup.keyboard.press('Tab');
    expect(await activeElement(popup)).toMatch(/^select/);
    await popup.keyboard.press('Tab');
    expect(await activeElement(popup)).toMatch(/^input/);
    await popup.keyboard.type('acme-keys');
    await popup.keyboard.press('Enter');
    await popup.getByRole('article', { name: 'acme-keys' }).waitFor();
    // The form is gone: the focus lands on the new card's first action, not on <body>.
    await expect.poll(() => activeElement(popup)).toMatch(/^button/);
    for (let i = 0; i < 10 && !(await activeElement(popup)).includes('Copy one-click link'); i++) await popup.keyboard.press('Tab');
    expect(await activeElement(popup)).toContain('Copy one-click link');
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.evaluate(() => navigator.clipboard.readText())).toBe('https://sonarcloud.io/login/sso?enterprise_key=acme-keys');
    expect(await activeElement(popup)).toContain('Copied: Copy one-click link');
    await forgetEnterprises(popup);
    await popup.close();
  });

  it('keyboard only: import a HAR, open a message, switch detail tabs, export', async () => {
    const panel = await open('panel.html', 'light');
    await panel.locator(PANEL.harImport).waitFor({ state: 'attached' });
    // Tab through the banner to the Import button and open the file chooser with Enter.
    for (let i = 0; i < 10 && !(await activeElement(panel)).includes('Import'); i++) await panel.keyboard.press('Tab');
    expect(await activeElement(panel)).toContain('Import');
    const chooser = panel.waitForEvent('filechooser');
    await panel.keyboard.press('Enter');
    await (await chooser).setFiles(harPath);
    await panel.locator(PANEL.messageRow).first().waitFor();

    // To the message list, then arrows select and Enter opens.
    for (let i = 0; i < 15 && !(await activeElement(panel)).includes('SAML messages'); i++) await panel.keyboard.press('Tab');
    expect(await activeElement(panel)).toContain('SAML messages');
    await panel.keyboard.press('Home');
    await panel.keyboard.press('Enter');
    await panel.getByRole('tablist', { name: 'Message detail' }).waitFor();

    // Into the tab list; arrows move between tabs and the panel follows.
    const onTab = () => panel.evaluate(() => document.activeElement?.getAttribute('role') === 'tab');
    for (let i = 0; i < 15 && !(await onTab()); i++) await panel.keyboard.press('Tab');
    expect(await onTab()).toBe(true);
    const first = await panel.evaluate(() => document.activeElement?.id);
    await panel.keyboard.press('ArrowRight');
    const second = await panel.evaluate(() => document.activeElement?.id);
    expect(second).not.toBe(first);
    expect(await panel.evaluate(() => document.getElementById('detail-panel')?.getAttribute('aria-labelledby'))).toBe(second);
    // The tab panel itself takes the focus next, so a long tab scrolls with the arrow keys.
    await panel.keyboard.press('Tab');
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('detail-panel');

    // Back to the Export button (Shift+Tab through the banner) and save.
    for (let i = 0; i < 30 && !(await activeElement(panel)).includes('Export HAR'); i++) await panel.keyboard.press('Shift+Tab');
    expect(await activeElement(panel)).toContain('Export HAR');
    const download = panel.waitForEvent('download');
    await panel.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toMatch(/\.har$/);
    await panel.close();
  });
});
