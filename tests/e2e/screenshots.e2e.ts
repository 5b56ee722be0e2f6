import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, sleep, type ExtensionBrowser } from './harness/harness';
import { screenshotPath } from './screenshots';

// The popup is shown at the size browsers give popups; pages opened as tabs at a laptop size.
const SHOTS = [
  { path: 'popup.html', width: 400, height: 600 },
  { path: 'panel.html', width: 1280, height: 800 },
  { path: 'options.html', width: 1280, height: 800 },
];

describe('screenshots of the extension pages', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases = SHOTS.flatMap((shot) => (['light', 'dark'] as const).map((scheme) => ({ ...shot, scheme })));
  it.each(cases)('$path in $scheme mode', async ({ path, width, height, scheme }) => {
    await browser.setColorScheme(scheme);
    const page = await browser.newPage();
    await page.setViewport(width, height);
    await page.goto(browser.extensionUrl(path));
    await page.waitFor('#app *');
    await sleep(300);
    const file = screenshotPath(`${path.replace('.html', '')}-${scheme}`);
    await mkdir(dirname(file), { recursive: true });
    await page.screenshot(file, { fullPage: true });
    expect((await stat(file)).size).toBeGreaterThan(1000);
    await page.close();
  });
});
