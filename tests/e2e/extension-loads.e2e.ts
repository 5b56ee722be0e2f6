import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { manifestProblems, REQUIRED_PERMISSIONS, type BuiltManifest } from '../../scripts/check-manifest';
import { launchWithExtension, type ExtensionBrowser } from './browser';

type RuntimeManifest = BuiltManifest & { manifest_version: number };

describe('the built extension in Chromium', () => {
  let browser: ExtensionBrowser;
  /** The manifest as Chromium loaded it. */
  let manifest: RuntimeManifest;

  beforeAll(async () => {
    browser = await launchWithExtension({ extensionPath: inject('extensionPath') });
    manifest = (await browser.serviceWorker.evaluate(
      () => (globalThis as unknown as { chrome: { runtime: { getManifest(): unknown } } }).chrome.runtime.getManifest(),
    )) as RuntimeManifest;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts its service worker under a chrome-extension:// id', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.serviceWorker.url()).toBe(browser.extensionUrl('background.js'));
  });

  it('asks for the minimal permissions up front and keeps host access optional', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.optional_host_permissions).toEqual(expect.arrayContaining(['https://*/*']));
    // The same check as the Firefox build's (scripts/check-manifest.ts): panel, shortcut, required permissions
    // exactly, no host access up front, no CSP override, no content scripts.
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('loads only packaged scripts in its pages', async () => {
    for (const page of ['popup.html', 'panel.html', 'options.html', 'devtools.html'] as const) {
      const text = await readFile(join(inject('extensionPath'), page), 'utf8');
      const sources = [...text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
      expect(sources.length, page).toBeGreaterThan(0);
      for (const src of sources) expect(src, page).toMatch(/^\/(?!\/)/);
    }
  });

  it('holds no host access after install', async () => {
    const granted = await browser.serviceWorker.evaluate(
      () =>
        (globalThis as unknown as {
          chrome: { permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> } };
        }).chrome.permissions.getAll(),
    );
    expect(granted.origins ?? []).toEqual([]);
    // Chromium lists `devtools` as granted because the manifest declares a devtools_page; it adds no warning.
    expect([...(granted.permissions ?? [])].sort()).toEqual([...REQUIRED_PERMISSIONS, 'devtools'].sort());
  });

  it.each(['popup.html', 'panel.html', 'options.html'] as const)('opens %s without a script error', async (page) => {
    const errors: string[] = [];
    const tab = await browser.context.newPage();
    tab.on('pageerror', (error) => errors.push(error.message));
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await tab.goto(browser.extensionUrl(page), { waitUntil: 'load' });
    // Every page mounts a Preact app: something must have rendered.
    await expect.poll(() => tab.locator('body *').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await tab.close();
  });
});
