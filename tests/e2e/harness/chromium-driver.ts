import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { showChromiumDevToolsPanel } from './chromium-devtools';
import type { ColorScheme, Driver, LaunchOptions, NativePage } from './harness';

/** Debian's Chromium: browser downloads are not possible here, and scripts/ensure-browsers.sh installs it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The permissions a user grants at the recorder's prompt, which headless Chromium cannot show. */
async function withOptionalGranted(extensionPath: string, dir: string): Promise<string> {
  const copy = join(dir, 'extension');
  await cp(extensionPath, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, string[]>;
  manifest.permissions = [...(manifest.permissions ?? []), 'webRequest'];
  manifest.host_permissions = ['http://*/*', 'https://*/*'];
  await writeFile(manifestPath, JSON.stringify(manifest));
  return copy;
}

export async function launchChromium(extensionPath: string, options: LaunchOptions): Promise<Driver> {
  const scratch = await mkdtemp(join(tmpdir(), 'sso-lens-e2e-chromium-'));
  const userDataDir = options.profileDir ?? join(scratch, 'profile');
  const removeScratch = () => rm(scratch, { recursive: true, force: true });
  let context: BrowserContext;
  try {
    // A granted copy keeps its path across restarts only if the caller keeps the profile and the copy: the
    // unpacked extension's id is derived from its path, so it is placed beside a kept profile.
    const loaded = options.grantOptional
      ? await withOptionalGranted(extensionPath, options.profileDir ? `${options.profileDir}-extension` : scratch)
      : extensionPath;
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      // The new headless mode runs extensions (Chromium 112+), so no Xvfb is needed.
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [
        `--disable-extensions-except=${loaded}`,
        `--load-extension=${loaded}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        // Keep the browser's own traffic out of the way: the privacy test counts requests.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // The local HTTPS stand-ins use certificates made for this run.
        '--ignore-certificate-errors',
        // `<-loopback>` removes Chromium's implicit proxy bypass for 127.0.0.1 and localhost.
        ...(options.proxyUrl ? [`--proxy-server=${options.proxyUrl}`, '--proxy-bypass-list=<-loopback>'] : []),
        // DevTools opens with each tab, and a second CDP endpoint reaches its front end (chromium-devtools.ts).
        ...(options.devtools ? ['--auto-open-devtools-for-tabs', '--remote-debugging-port=0'] : []),
      ],
    });
  } catch (error) {
    await removeScratch();
    throw error;
  }
  const close = async () => {
    await context.close().catch(() => undefined);
    await removeScratch();
  };

  try {
    const serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 15_000 }));
    const extensionBase = `chrome-extension://${new URL(serviceWorker.url()).host}/`;
    // Chromium refuses to grant to chrome-extension:// origins by name ("opaque origins"); granted to all,
    // extension pages may read the clipboard back.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);

    const problems: string[] = [];
    const fromExtension = (url: string) => url.startsWith(extensionBase);
    const onConsole = (where: string) => (message: ConsoleMessage) => {
      if ((message.type() === 'error' || message.type() === 'warning') && fromExtension(where || message.location().url)) {
        problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
      }
    };
    serviceWorker.on('console', onConsole(serviceWorker.url()));
    context.on('console', (message) => onConsole(message.page()?.url() ?? '')(message));
    context.on('weberror', (error) => {
      if (fromExtension(error.page()?.url() ?? '')) problems.push(`uncaught: ${error.error().message}`);
    });

    let scheme: ColorScheme = 'light';
    const pages = new Set<Page>();
    const wrap = (page: Page): NativePage => ({
      evaluate: (expression) => page.evaluate(expression),
      click: (css) => page.click(css),
      fill: (css, text) => page.fill(css, text),
      async select(css, value) {
        await page.selectOption(css, value);
      },
      upload: (css, filePath) => page.setInputFiles(css, filePath),
      press: (key) => page.keyboard.press(key),
      type: (text) => page.keyboard.type(text),
      async goto(url) {
        await page.goto(url, { waitUntil: 'load' });
      },
      url: async () => page.url(),
      async screenshot(path, fullPage) {
        await page.screenshot({ path, fullPage });
      },
      setViewport: (width, height) => page.setViewportSize({ width, height }),
      async close() {
        pages.delete(page);
        await page.close();
      },
    });

    let clipboardPage: Page | undefined;
    const clipboard = async () => {
      if (!clipboardPage) {
        clipboardPage = await context.newPage();
        await clipboardPage.goto(`${extensionBase}options.html`);
      }
      await clipboardPage.bringToFront();
      return clipboardPage;
    };

    return {
      name: 'chromium',
      extensionBase,
      async newPage() {
        const page = await context.newPage();
        pages.add(page);
        await page.emulateMedia({ colorScheme: scheme });
        return wrap(page);
      },
      async setColorScheme(next) {
        scheme = next;
        for (const page of pages) await page.emulateMedia({ colorScheme: next });
      },
      readClipboard: async () => (await clipboard()).evaluate(() => navigator.clipboard.readText()),
      async writeClipboard(text) {
        await (await clipboard()).evaluate((t) => navigator.clipboard.writeText(t), text);
      },
      consoleProblems: () => [...problems],
      async openDevToolsPanel(page, title) {
        if (!options.devtools) throw new Error('Launch with { devtools: true } to open DevTools in Chromium');
        await showChromiumDevToolsPanel(userDataDir, await page.url(), title);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
