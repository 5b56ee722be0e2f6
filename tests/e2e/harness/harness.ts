/**
 * One browser harness for the end-to-end suites: each scenario is written once and runs in Chromium (driven by
 * playwright-core over CDP) and in Firefox ESR (driven by puppeteer-core over WebDriver BiDi). Which browser a
 * run uses comes from the Vitest project (`chromium` or `firefox`, see ../vitest.config.ts).
 *
 * Use it like this:
 *
 *   const browser = await launch();                        // fresh profile, the built add-on installed
 *   const popup = await browser.openExtensionPage('popup.html');
 *   await popup.fill({ role: 'textbox', name: 'Enterprise key' }, 'acme');
 *   await popup.click({ role: 'button', name: 'Add enterprise' });
 *   await popup.waitFor({ role: 'article', name: 'acme' });
 *   expect(browser.consoleProblems()).toEqual([]);
 *   await browser.close();
 *
 * - Targets: a CSS selector string, or `{ role, name, text, css, partial, within }` matched inside the page
 *   (find-in-page.ts), so both browsers find elements the same way, by what users and screen readers see.
 * - `page.evaluate(fn, arg)` runs `fn` in the page (extension pages have the WebExtension API as `browser`);
 *   `browser.extensionCall(fn, arg)` does the same in a background extension page, for API calls.
 * - Pages: `openExtensionPage('panel.html?tab=3')`, `newPage()` then `goto(url)` for web pages;
 *   `page.native.evaluate(source)` evaluates a script text (e.g. axe-core) that the page's CSP would refuse.
 * - `consoleProblems()`: every console error or warning, and uncaught error, from the add-on's own pages so far.
 * - `openDevToolsPanel(page, 'SAML')`: opens the real DevTools on that tab and selects the add-on's panel
 *   (launch with `{ devtools: true }`: Chromium opens DevTools with every tab from launch on).
 * - `launch({ grantOptional: true })`: webRequest and host access granted, as after the recorder's prompt.
 * - `launch({ proxyUrl })`: every request through a proxy (network-sentinel.ts records and answers them).
 * - `launch({ profileDir })` keeps the profile: closing and launching again on it is a browser restart.
 * - Clipboard, colour scheme and viewport have methods of their own, since each browser does them differently.
 * - End each scenario file with `itLogsNoConsoleProblem(() => [browser])` (../console-check.ts).
 * Anything a scenario needs that is not here belongs in the Driver interface, implemented for both browsers.
 */
import { inject } from 'vitest';
import { describeTarget, markInPage, toQuery, type Target } from './find-in-page';

export type { Target } from './find-in-page';
export type BrowserName = 'chromium' | 'firefox';
export type ColorScheme = 'light' | 'dark';

/** What each browser's driver provides; the harness builds the scenario API on top of it. */
export interface NativePage {
  /** Evaluates a JavaScript expression in the page, awaiting a promise it yields. */
  evaluate<R>(expression: string): Promise<R>;
  click(css: string): Promise<void>;
  fill(css: string, text: string): Promise<void>;
  select(css: string, value: string): Promise<void>;
  upload(css: string, filePath: string): Promise<void>;
  /** A key as Playwright names it, with modifiers joined by `+` (e.g. `Shift+Tab`), to the focused element. */
  press(key: string): Promise<void>;
  /** Types text into the focused element, key by key. */
  type(text: string): Promise<void>;
  /** Navigates and waits for the load event (extension pages included). */
  goto(url: string): Promise<void>;
  url(): Promise<string>;
  screenshot(path: string, fullPage: boolean): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  name: BrowserName;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionBase: string;
  newPage(): Promise<NativePage>;
  /** Light or dark for every page of this browser from now on. */
  setColorScheme(scheme: ColorScheme): Promise<void>;
  readClipboard(): Promise<string>;
  writeClipboard(text: string): Promise<void>;
  consoleProblems(): string[];
  openDevToolsPanel(page: NativePage, title: string): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Keep the profile here (not deleted at close): launching again on it is a browser restart. */
  profileDir?: string;
  /** Send every request the browser makes, loopback included, through this proxy (network-sentinel.ts). */
  proxyUrl?: string;
  /** Grant the optional permissions (webRequest and all hosts) as a user who accepted the prompt would. */
  grantOptional?: boolean;
  /** Needed for openDevToolsPanel: Chromium can only open DevTools from launch on (with every tab). */
  devtools?: boolean;
}

export interface TestPage {
  readonly native: NativePage;
  click(target: Target): Promise<void>;
  fill(target: Target, text: string): Promise<void>;
  /** Picks the <option> with this value. */
  select(target: Target, value: string): Promise<void>;
  upload(target: Target, filePath: string): Promise<void>;
  /** Presses a key (`Tab`, `Shift+Tab`, `Enter`, `ArrowRight`) in the focused element. */
  press(key: string): Promise<void>;
  /** Types into the focused element. */
  type(text: string): Promise<void>;
  count(target: Target): Promise<number>;
  /** Text content of each match (whitespace as in the page). */
  texts(target: Target): Promise<string[]>;
  /** Text content of the first match; fails when nothing matches. */
  text(target: Target): Promise<string>;
  /** The attribute of each match. */
  attributes(target: Target, name: string): Promise<Array<string | null>>;
  /** Waits until the target matches at least one element (or, with `gone`, none). */
  waitFor(target: Target, options?: { timeout?: number; gone?: boolean }): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  goto(url: string): Promise<void>;
  url(): Promise<string>;
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  readonly driver: Driver;
  extensionUrl(path: string): string;
  /** Opens an extension page (path may carry a query) in a new tab, loaded. */
  openExtensionPage(path: string): Promise<TestPage>;
  newPage(): Promise<TestPage>;
  /** Runs `fn` in an extension page kept open for the purpose (WebExtension API calls, storage reads). */
  extensionCall<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  setColorScheme(scheme: ColorScheme): Promise<void>;
  readClipboard(): Promise<string>;
  writeClipboard(text: string): Promise<void>;
  consoleProblems(): string[];
  openDevToolsPanel(page: TestPage, title: string): Promise<void>;
  close(): Promise<void>;
}

/** The browser of this Vitest project. */
export const browserName = (): BrowserName => inject('browser');

/** The built add-on this project tests (copied out of .output by the global setup). */
export const extensionPath = (): string => inject('extensionPath');

let marks = 0;

/**
 * The expression that calls `fn` with `arg` (JSON) in the page. Functions travel as source text; the shim
 * covers the `__name` calls the TypeScript transform adds to named inner functions.
 */
export const callExpression = (fn: (arg: never) => unknown, arg: unknown) =>
  `(() => { const __name = (f) => f; return (${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)}); })()`;

export function wrapPage(native: NativePage): TestPage {
  const run = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => native.evaluate<R>(callExpression(fn as (arg: never) => unknown, arg));
  const mark = async (target: Target) => {
    const id = `m${++marks}`;
    const count = await run(markInPage, { query: toQuery(target), mark: id });
    return { css: `[data-e2e-mark="${id}"]`, count };
  };
  const one = async (target: Target) => {
    // Elements appear after a render or a storage read: wait a little before calling the target missing.
    const deadline = Date.now() + 5_000;
    for (;;) {
      const found = await mark(target);
      if (found.count > 0) return found.css;
      if (Date.now() > deadline) throw new Error(`Nothing matches ${describeTarget(target)} in ${await native.url()}`);
      await sleep(100);
    }
  };
  const page: TestPage = {
    native,
    click: async (target) => native.click(await one(target)),
    fill: async (target, text) => native.fill(await one(target), text),
    select: async (target, value) => native.select(await one(target), value),
    upload: async (target, filePath) => native.upload(await one(target), filePath),
    press: (key) => native.press(key),
    type: (text) => native.type(text),
    count: async (target) => (await mark(target)).count,
    texts: async (target) => {
      const { css } = await mark(target);
      return run((s: string) => [...document.querySelectorAll(s)].map((el) => el.textContent ?? ''), css);
    },
    text: async (target) => {
      const css = await one(target);
      return run((s: string) => document.querySelector(s)?.textContent ?? '', css);
    },
    attributes: async (target, name) => {
      const { css } = await mark(target);
      return run(([s, n]: readonly [string, string]) => [...document.querySelectorAll(s)].map((el) => el.getAttribute(n)), [css, name] as const);
    },
    waitFor: async (target, options = {}) => {
      const deadline = Date.now() + (options.timeout ?? 5_000);
      for (;;) {
        const { count } = await mark(target);
        if (options.gone ? count === 0 : count > 0) return;
        if (Date.now() > deadline) {
          throw new Error(`${describeTarget(target)} ${options.gone ? 'still shows' : 'did not appear'} in ${await native.url()}`);
        }
        await sleep(100);
      }
    },
    evaluate: (fn, arg) => run(fn, arg as never),
    goto: (url) => native.goto(url),
    url: () => native.url(),
    screenshot: (path, options = {}) => native.screenshot(path, options.fullPage ?? false),
    setViewport: (width, height) => native.setViewport(width, height),
    close: () => native.close(),
  };
  return page;
}

export function extensionBrowser(driver: Driver): ExtensionBrowser {
  const extensionUrl = (path: string) => `${driver.extensionBase}${path.replace(/^\//, '')}`;
  let apiPage: Promise<TestPage> | undefined;
  const openExtensionPage = async (path: string) => {
    const page = wrapPage(await driver.newPage());
    await page.goto(extensionUrl(path));
    return page;
  };
  return {
    name: driver.name,
    driver,
    extensionUrl,
    openExtensionPage,
    newPage: async () => wrapPage(await driver.newPage()),
    async extensionCall(fn, arg) {
      // options.html: a page with the full API and no side effect on load (the popup reads the active tab).
      apiPage ??= openExtensionPage('options.html');
      return (await apiPage).evaluate(fn, arg);
    },
    setColorScheme: (scheme) => driver.setColorScheme(scheme),
    readClipboard: () => driver.readClipboard(),
    writeClipboard: (text) => driver.writeClipboard(text),
    consoleProblems: () => driver.consoleProblems(),
    openDevToolsPanel: (page, title) => driver.openDevToolsPanel(page.native, title),
    close: () => driver.close(),
  };
}

/** Starts this project's browser with the built add-on installed. */
export async function launch(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const name = browserName();
  const driver =
    name === 'firefox'
      ? await (await import('./firefox-driver')).launchFirefox(extensionPath(), options)
      : await (await import('./chromium-driver')).launchChromium(extensionPath(), options);
  return extensionBrowser(driver);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `accept` holds, or fails with the last value seen. */
export async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeout} ms`);
    await sleep(150);
  }
}
