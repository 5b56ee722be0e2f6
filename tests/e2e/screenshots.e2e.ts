import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser, type ExtensionPage } from './browser';
import { SCREENSHOT_DIR } from './screenshots';

// The popup is shown at the size Chrome gives popups; pages opened as tabs at a laptop size. Each shot must
// show its page, rendered: the heading the page opens with and a visible second heading (a blank or crashed
// page has neither).
const SHOTS: Array<{ page: ExtensionPage; width: number; height: number; h1: string; shows: RegExp }> = [
  { page: 'popup.html', width: 400, height: 600, h1: 'SSO Lens', shows: /^Add your SonarQube Cloud enterprise$/ },
  { page: 'panel.html', width: 1280, height: 800, h1: 'SSO Lens: SAML panel', shows: /recorder|Recording|capture|No SAML/ },
  { page: 'options.html', width: 1280, height: 800, h1: 'SSO Lens options', shows: /^Add an enterprise$/ },
];

/** Relative luminance of a CSS rgb()/rgba() colour, 0 (black) to 1 (white). */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => Number(c) / 255);
  const lin = (c = 0) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

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
  it.each(cases)('$page in $scheme mode', async ({ page, width, height, scheme, h1, shows }) => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width, height });
    await tab.emulateMedia({ colorScheme: scheme });
    await tab.goto(browser.extensionUrl(page), { waitUntil: 'load' });
    await tab.waitForLoadState('networkidle');
    const path = join(SCREENSHOT_DIR, `${page.replace('.html', '')}-${scheme}.png`);
    await tab.screenshot({ path, fullPage: true });
    // What the screenshot shows: the page's own heading, a visible section of it, in the scheme asked for.
    expect(await tab.getByRole('heading', { level: 1 }).textContent()).toBe(h1);
    expect(await tab.getByRole('heading', { level: 2, name: shows }).first().isVisible()).toBe(true);
    const background = await tab.evaluate(() => getComputedStyle(document.body).backgroundColor);
    if (scheme === 'dark') expect(luminance(background)).toBeLessThan(0.2);
    else expect(luminance(background)).toBeGreaterThan(0.8);
    await tab.close();
  });
});
