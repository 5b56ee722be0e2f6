import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser';

// Adding a required permission changes the store listing and the install prompt: it must be a
// deliberate edit of this list, with the reason in the README's "Permissions" section.
const REQUIRED_PERMISSIONS = ['clipboardWrite', 'contextMenus', 'storage'];

interface RuntimeManifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: unknown;
  content_scripts?: unknown;
  devtools_page?: string;
  commands?: Record<string, { suggested_key?: { default?: string } }>;
}

describe('the built extension in Chromium', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension({ extensionPath: inject('extensionPath') });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts its service worker under a chrome-extension:// id', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.serviceWorker.url()).toBe(browser.extensionUrl('background.js'));
  });

  it('asks for the minimal permissions up front and keeps host access optional', async () => {
    const manifest = await browser.serviceWorker.evaluate(
      () => (globalThis as unknown as { chrome: { runtime: { getManifest(): unknown } } }).chrome.runtime.getManifest(),
    ) as RuntimeManifest;
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(REQUIRED_PERMISSIONS);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.permissions ?? []).not.toContain('webRequest');
    expect(manifest.optional_host_permissions).toEqual(expect.arrayContaining(['https://*/*']));
    // The SAML panel and the one-click shortcut are registered (Firefox's build: scripts/check-manifest.mjs).
    expect(manifest.devtools_page).toBe('devtools.html');
    expect(manifest.commands?.['open-one-click-login']?.suggested_key?.default).toBe('Alt+Shift+L');
  });

  it("keeps the browser's strict default CSP, injects nothing into pages and loads only packaged scripts", async () => {
    const manifest = (await browser.serviceWorker.evaluate(
      () => (globalThis as unknown as { chrome: { runtime: { getManifest(): unknown } } }).chrome.runtime.getManifest(),
    )) as RuntimeManifest;
    // No CSP key: MV3's default ("script-src 'self'; object-src 'self'") applies, no eval, no remote script.
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
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
