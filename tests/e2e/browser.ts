import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** Debian's Chromium: browser downloads are not possible here, and scripts/ensure-chromium.sh installs it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type ExtensionPage = 'popup.html' | 'panel.html' | 'options.html';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  extensionUrl(path: string): string;
  /** Opens an extension page in a tab and waits for it to load. */
  openExtensionPage(page: ExtensionPage): Promise<Page>;
  /** Closes the browser (writing the HAR, if one was asked for) and deletes its profile, unless the caller gave it. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Unpacked extension directory (the Chrome MV3 build). */
  extensionPath: string;
  /** Record every exchange of the browser into this HAR file, bodies included. */
  harPath?: string;
  /** Send all traffic, loopback included, through this proxy (see network-sentinel.ts). */
  proxyUrl?: string;
  /**
   * Start on this profile and keep it at close: launching again on it is a browser restart, which reloads the
   * extension with its storage kept (chrome.runtime.reload() ends an unpacked extension Playwright loaded).
   */
  userDataDir?: string;
  /** More Chromium switches. */
  args?: string[];
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const ownProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'sso-lens-e2e-profile-')));
  const removeProfile = async () => {
    if (ownProfile) await rm(userDataDir, { recursive: true, force: true });
  };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      // The new headless mode runs extensions (Chromium 112+), so no Xvfb is needed.
      headless: true,
      args: [
        `--disable-extensions-except=${options.extensionPath}`,
        `--load-extension=${options.extensionPath}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        // Keep the browser's own traffic out of the way: the privacy test counts requests.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // `<-loopback>` removes Chromium's implicit proxy bypass for 127.0.0.1 and localhost.
        ...(options.proxyUrl ? [`--proxy-server=${options.proxyUrl}`, '--proxy-bypass-list=<-loopback>'] : []),
        ...(options.args ?? []),
      ],
      ...(options.harPath ? { recordHar: { path: options.harPath, content: 'embed' as const } } : {}),
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }

  const close = async () => {
    await context.close().catch(() => undefined);
    await removeProfile();
  };

  try {
    const serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: 15_000,
      }));
    const extensionId = new URL(serviceWorker.url()).host;
    const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
    return {
      context,
      extensionId,
      serviceWorker,
      extensionUrl,
      async openExtensionPage(page) {
        const tab = await context.newPage();
        await tab.goto(extensionUrl(page), { waitUntil: 'load' });
        return tab;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
