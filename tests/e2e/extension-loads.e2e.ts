import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestProblems, REQUIRED_PERMISSIONS, type BuiltManifest } from '../../scripts/check-manifest';
import { itLogsNoConsoleProblem } from './console-check';
import { browserName, extensionPath, launch, type ExtensionBrowser } from './harness/harness';

type RuntimeManifest = BuiltManifest & { manifest_version: number; optional_permissions?: string[]; optional_host_permissions?: string[] };

/** What each build is: Chrome MV3 with optional host permissions, Firefox MV2 with hosts among the optional permissions. */
const EXPECTED = {
  chromium: { version: 3, scheme: 'chrome-extension:', optionalHosts: (m: RuntimeManifest) => m.optional_host_permissions },
  firefox: { version: 2, scheme: 'moz-extension:', optionalHosts: (m: RuntimeManifest) => m.optional_permissions },
} as const;

describe('the built add-on, installed', () => {
  let browser: ExtensionBrowser;
  /** The manifest as the browser loaded it. */
  let manifest: RuntimeManifest;
  const expected = EXPECTED[browserName()];

  beforeAll(async () => {
    browser = await launch();
    manifest = await browser.extensionCall(() => (globalThis as unknown as { browser: { runtime: { getManifest(): RuntimeManifest } } }).browser.runtime.getManifest());
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs under its extension origin', () => {
    expect(new URL(browser.extensionUrl('popup.html')).protocol).toBe(expected.scheme);
    expect(manifest.manifest_version).toBe(expected.version);
  });

  it('asks for the minimal permissions up front and keeps host access optional', async () => {
    expect(expected.optionalHosts(manifest)).toEqual(expect.arrayContaining(['https://*/*']));
    // The same check as the Firefox build's (scripts/check-manifest.ts): panel, shortcut, required permissions
    // exactly, no host access up front, no CSP override, no content scripts. Firefox hands back a normalised
    // manifest (absolute devtools_page, its default CSP, an empty content script list): there the check reads
    // the file it installed, and the runtime manifest must still point DevTools at the packaged page.
    if (browserName() === 'firefox') {
      const installed = JSON.parse(await readFile(join(extensionPath(), 'manifest.json'), 'utf8')) as RuntimeManifest;
      expect(manifestProblems(installed)).toEqual([]);
      expect(manifest.devtools_page).toBe(browser.extensionUrl('devtools.html'));
      expect(manifest.permissions).toEqual(installed.permissions);
      expect(manifest.content_scripts ?? []).toEqual([]);
    } else {
      expect(manifestProblems(manifest)).toEqual([]);
    }
  });

  it('loads only packaged scripts in its pages', async () => {
    for (const page of ['popup.html', 'panel.html', 'options.html', 'devtools.html'] as const) {
      const text = await readFile(join(extensionPath(), page), 'utf8');
      const sources = [...text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
      expect(sources.length, page).toBeGreaterThan(0);
      for (const src of sources) expect(src, page).toMatch(/^\/(?!\/)/);
    }
  });

  it('holds no host access after install', async () => {
    const granted = await browser.extensionCall(() =>
      (globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> } } }).browser.permissions.getAll(),
    );
    expect(granted.origins ?? []).toEqual([]);
    // Chromium lists `devtools` as granted because the manifest declares a devtools_page; it adds no warning.
    const permissions = (granted.permissions ?? []).filter((p) => p !== 'devtools');
    expect(permissions.sort()).toEqual([...REQUIRED_PERMISSIONS].sort());
  });

  it.each(['popup.html', 'panel.html', 'options.html'] as const)('opens %s and renders it', async (path) => {
    const page = await browser.openExtensionPage(path);
    // Every page mounts a Preact app: something must have rendered.
    await page.waitFor('#app *');
    await page.close();
  });

  itLogsNoConsoleProblem(() => [browser]);
});
