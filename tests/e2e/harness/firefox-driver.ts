import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { ColorScheme, Driver, LaunchOptions, NativePage } from './harness';

// Firefox ESR over WebDriver BiDi (there is no geckodriver here). Quirks this file works around:
// - BiDi sends no events for moz-extension:// pages (Firefox bug 1755014): page.goto() to them never resolves,
//   so they are opened with the browsing context's own navigate, and their console is read from Firefox's stdout.
// - Clipboard, colour scheme, permissions and the DevTools toolbox are reached from the browser window's
//   privileged (chrome) scope, which --remote-allow-system-access opens to BiDi. That goes through puppeteer
//   internals (the BiDi session): puppeteer-core is pinned to 24.x in package.json for this.

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** One moz-extension:// host for every run, so pages have a known origin before the add-on is installed. */
const EXTENSION_UUID = '6d1f0b7e-5a0c-4c1e-9d55-0c9a5e2b7f31';

interface BidiSession {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}
interface BidiContext {
  navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void>;
  userContext: { browser: { session: BidiSession } };
}

const contextOf = (page: Page) => (page.mainFrame() as unknown as { browsingContext: BidiContext }).browsingContext;

/** Lines Firefox prints that are its own, not the add-on's: a BiDi handler on closing tabs, remote settings. */
const FIREFOX_NOISE = [
  /Handler function threw .*context is null/,
  // Firefox's remote settings client, refused its (automation-disabled) server; not an extension page.
  /^console\.error: RSLoader:/,
];

export async function launchFirefox(extensionPath: string, options: LaunchOptions): Promise<Driver> {
  const manifest = JSON.parse(await readFile(join(extensionPath, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const ownProfile = options.profileDir === undefined;
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'sso-lens-e2e-firefox-')));
  const proxy = options.proxyUrl ? new URL(options.proxyUrl) : undefined;
  const prefs: Record<string, unknown> = {
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
    // permissions.request() is granted without the doorhanger nobody can click in headless mode.
    'extensions.webextOptionalPermissionPrompts': false,
    // A temporary add-on is removed when Firefox quits; installed again on the same profile, it finds its data.
    'extensions.webextensions.keepStorageOnUninstall': true,
    'extensions.webextensions.keepUuidOnUninstall': true,
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': false,
    // 2: follow the system (light in headless); the driver switches it to 0 (dark) or 1 (light).
    'layout.css.prefers-color-scheme.content-override': 1,
    'browser.shell.checkDefaultBrowser': false,
    ...(proxy
      ? {
          'network.proxy.type': 1,
          'network.proxy.http': proxy.hostname,
          'network.proxy.http_port': Number(proxy.port),
          'network.proxy.ssl': proxy.hostname,
          'network.proxy.ssl_port': Number(proxy.port),
          'network.proxy.no_proxies_on': '',
          'network.proxy.allow_hijacking_localhost': true,
        }
      : {}),
  };
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      args: ['--remote-allow-system-access'],
      userDataDir: profileDir,
      extraPrefsFirefox: prefs,
      acceptInsecureCerts: true,
      defaultViewport: { width: 1280, height: 800 },
    });
  } catch (error) {
    if (ownProfile) await rm(profileDir, { recursive: true, force: true });
    throw error;
  }

  const problems: string[] = [];
  const extensionBase = `moz-extension://${EXTENSION_UUID}/`;
  const readOutput = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      const problem =
        /^console\.(error|warn)\b/.test(line) ||
        (/^JavaScript (error|warning)\b/.test(line) && line.includes(extensionBase));
      if (problem && !FIREFOX_NOISE.some((noise) => noise.test(line))) problems.push(line.trim());
    }
  };
  browser.process()?.stdout?.on('data', readOutput);
  browser.process()?.stderr?.on('data', readOutput);

  const close = async () => {
    await browser.close().catch(() => undefined);
    if (ownProfile) await rm(profileDir, { recursive: true, force: true });
  };

  const [firstPage] = await browser.pages();
  const session = contextOf(firstPage!).userContext.browser.session;

  /** Evaluates an expression in the browser window's privileged scope and returns its (JSON-able) value. */
  const chrome = async <T>(expression: string): Promise<T> => {
    const { result: tree } = await session.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const context = (tree.contexts as Array<{ context: string }>)[0]!.context;
    const { result } = await session.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (async () => { ${expression} })() ?? null))()`,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result.type === 'exception') {
      const details = result.exceptionDetails as { text?: string };
      throw new Error(`Firefox chrome-scope script failed: ${details.text ?? JSON.stringify(details)}`);
    }
    return JSON.parse((result.result as { value: string }).value) as T;
  };

  try {
    await browser.installExtension(extensionPath);
    if (options.grantOptional) {
      await chrome(`
        const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
        const policy = WebExtensionPolicy.getByID(${JSON.stringify(geckoId)});
        await ExtensionPermissions.add(${JSON.stringify(geckoId)}, { permissions: ['webRequest'], origins: ['http://*/*', 'https://*/*'] }, policy.extension);
      `);
    }
  } catch (error) {
    await close();
    throw error;
  }

  const wrap = (page: Page): NativePage => ({
    evaluate: (expression) => page.evaluate(expression) as never,
    click: (css) => page.click(css),
    async fill(css, text) {
      // Select what is there, then type over it (BiDi has no "set value").
      await page.click(css, { count: 3 });
      await page.evaluate(`document.querySelector(${JSON.stringify(css)})?.select()`);
      await page.keyboard.press('Backspace');
      await page.type(css, text);
    },
    async select(css, value) {
      await page.select(css, value);
    },
    async upload(css, filePath) {
      const input = await page.$(css);
      if (!input) throw new Error(`No file input at ${css}`);
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(filePath);
    },
    async press(combo) {
      // puppeteer presses one key at a time: hold the modifiers of `Shift+Tab` around the last key.
      const keys = combo.split('+');
      const key = keys.pop()!;
      for (const modifier of keys) await page.keyboard.down(modifier as never);
      await page.keyboard.press(key as never);
      for (const modifier of keys.reverse()) await page.keyboard.up(modifier as never);
    },
    type: (text) => page.keyboard.type(text),
    async goto(url) {
      if (url.startsWith('moz-extension:')) await contextOf(page).navigate(url, 'complete');
      else await page.goto(url, { waitUntil: 'load' });
    },
    url: async () => page.url(),
    async screenshot(path, fullPage) {
      await page.screenshot({ path: path as `${string}.png`, fullPage });
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    close: () => page.close(),
  });

  return {
    name: 'firefox',
    extensionBase,
    newPage: async () => wrap(await browser.newPage()),
    async setColorScheme(scheme: ColorScheme) {
      await chrome(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1});`);
    },
    readClipboard: () =>
      chrome<string>(`
        const transferable = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
        transferable.init(null);
        transferable.addDataFlavor('text/plain');
        Services.clipboard.getData(transferable, Ci.nsIClipboard.kGlobalClipboard, window.browsingContext.currentWindowContext);
        const data = {};
        try { transferable.getTransferData('text/plain', data); } catch { return ''; }
        return data.value.QueryInterface(Ci.nsISupportsString).data;
      `),
    async writeClipboard(text) {
      await chrome(`Cc['@mozilla.org/widget/clipboardhelper;1'].getService(Ci.nsIClipboardHelper).copyString(${JSON.stringify(text)});`);
    },
    consoleProblems: () => [...problems],
    async openDevToolsPanel(page, title) {
      const url = await page.url();
      await chrome(`
        const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
        const { gDevTools } = require('devtools/client/framework/devtools');
        const tab = gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec === ${JSON.stringify(url)});
        if (!tab) throw new Error('no tab at ' + ${JSON.stringify(url)});
        gBrowser.selectedTab = tab;
        const toolbox = await gDevTools.showToolboxForTab(tab, { toolId: 'webconsole' });
        // The add-on's devtools page registers the panel shortly after the toolbox opens.
        for (let i = 0; i < 100; i++) {
          const tool = toolbox.getAdditionalTools().find((t) => t.label === ${JSON.stringify(title)});
          if (tool) { await toolbox.selectTool(tool.id); return tool.id; }
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error('no DevTools panel titled ' + ${JSON.stringify(title)});
      `);
    },
    close,
  };
}
