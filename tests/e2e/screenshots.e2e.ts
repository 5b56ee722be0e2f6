import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser, type ExtensionPage } from './browser';
import { SCREENSHOT_DIR } from './screenshots';

// The popup is shown at the size Chrome gives popups; pages opened as tabs at a laptop size.
const SHOTS: Array<{ page: ExtensionPage; width: number; height: number }> = [
  { page: 'popup.html', width: 400, height: 600 },
  { page: 'panel.html', width: 1280, height: 800 },
  { page: 'options.html', width: 1280, height: 800 },
];

describe('screenshots of the extension pages', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    browser = await launchWithExtension({ extensionPath: inject('extensionPath') });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases = SHOTS.flatMap((shot) => (['light', 'dark'] as const).map((scheme) => ({ ...shot, scheme })));
  it.each(cases)('$page in $scheme mode', async ({ page, width, height, scheme }) => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width, height });
    await tab.emulateMedia({ colorScheme: scheme });
    await tab.goto(browser.extensionUrl(page), { waitUntil: 'load' });
    await tab.waitForLoadState('networkidle');
    const path = join(SCREENSHOT_DIR, `${page.replace('.html', '')}-${scheme}.png`);
    await tab.screenshot({ path, fullPage: true });
    expect((await stat(path)).size).toBeGreaterThan(1000);
    await tab.close();
  });
});
