import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, sleep, type ExtensionBrowser } from './harness/harness';
import { screenshotPath } from './screenshots';

// The popup is shown at the size browsers give popups; pages opened as tabs at a laptop size. Each shot must
// show its page, rendered: the heading the page opens with and a visible section heading (a blank or crashed
// page has neither), in the colour scheme asked for.
const SHOTS = [
  { path: 'popup.html', width: 400, height: 600, h1: 'SSO Lens', shows: /^Add your SonarQube Cloud enterprise$/ },
  { path: 'panel.html', width: 1280, height: 800, h1: 'SSO Lens: SAML panel', shows: /recorder|Recording|capture|No SAML/ },
  { path: 'options.html', width: 1280, height: 800, h1: 'SSO Lens options', shows: /^Add an enterprise$/ },
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
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases = SHOTS.flatMap((shot) => (['light', 'dark'] as const).map((scheme) => ({ ...shot, scheme })));
  it.each(cases)('$path in $scheme mode', async ({ path, width, height, scheme, h1, shows }) => {
    await browser.setColorScheme(scheme);
    const page = await browser.newPage();
    await page.setViewport(width, height);
    await page.goto(browser.extensionUrl(path));
    await page.waitFor('#app *');
    await sleep(300);
    const file = screenshotPath(`${path.replace('.html', '')}-${scheme}`);
    await mkdir(dirname(file), { recursive: true });
    await page.screenshot(file, { fullPage: true });
    // What the screenshot shows: the page's own heading, a visible section of it, in the scheme asked for.
    const shown = await page.evaluate(() => ({
      h1: document.querySelector('h1')?.textContent ?? null,
      h2: [...document.querySelectorAll('h2')].filter((h) => h.getClientRects().length > 0).map((h) => h.textContent ?? ''),
      background: getComputedStyle(document.body).backgroundColor,
    }));
    expect(shown.h1).toBe(h1);
    expect(shown.h2.some((text) => shows.test(text)), `visible h2: ${shown.h2.join(' | ')}`).toBe(true);
    if (scheme === 'dark') expect(luminance(shown.background)).toBeLessThan(0.2);
    else expect(luminance(shown.background)).toBeGreaterThan(0.8);
    await page.close();
  });
});
