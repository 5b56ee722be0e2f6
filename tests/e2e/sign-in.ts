import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { HarEntry } from '@/utils/har/types';
import { browserName, until, type ExtensionBrowser, type TestPage } from './harness/harness';
import { PANEL } from './panel-page';
import type { SamlLab } from './saml-lab';
import type { VariantName } from './variants';

/** HAR files of each run (what the recorder captured), kept as artifacts (gitignored) for anyone debugging a failure. */
export const HAR_DIR = resolve(import.meta.dirname, '../../test-results/e2e-har');

export interface CapturedSignIn {
  variant: VariantName;
  /** The HTTP status the browser got from the SP's ACS. */
  acsStatus: number;
  /** The size of the form body the browser posted to the ACS, in bytes. */
  acsBodyBytes: number;
  harPath: string;
  /** The recorder's captures of the sign-in tab, as a HAR file. */
  harText: string;
  /** The panel, opened as a tab on the recorder for the sign-in tab, showing the sign-in. */
  panel: TestPage;
  /** The tab that signed in. */
  tab: TestPage;
  /** Its id, as the recorder knows it. */
  tabId: number;
}

interface Api {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> };
}

/**
 * Signs in as a user would, in a new tab of a browser launched with the optional permissions granted:
 * SP-initiated (SP /login → IdP form → click "Sign in" → auto-posted Response) or, for the unsolicited
 * variant, from the IdP's own start page. Before that, the panel is opened as a tab for the sign-in tab with
 * the recorder on (the first time by its "Turn on recording" button, as a user does).
 */
export async function signInWithVariant(browser: ExtensionBrowser, lab: SamlLab, variant: VariantName): Promise<CapturedSignIn> {
  const settings = lab.use(variant);
  const tab = await browser.newPage();
  // A page of the SP's own first: with host access the add-on sees the tab's URL, which gives its id.
  const landing = `${lab.sp.origin}/before-sign-in/${variant}`;
  await tab.goto(landing);
  const tabId = await until(
    () => browser.extensionCall(async (url) => (await (globalThis as unknown as { browser: Api }).browser.tabs.query({})).find((t) => t.url === url)?.id ?? 0, landing),
    (id) => id > 0,
    'the sign-in tab id',
  );
  const panel = await browser.openExtensionPage(`panel.html?tab=${tabId}`);
  await panel.select(PANEL.profile, 'sonarqube-cloud');
  const ask = (message: object) => browser.extensionCall((m) => (globalThis as unknown as { browser: Api }).browser.runtime.sendMessage(m), message) as Promise<{ recording?: boolean; entries: Array<{ entry: HarEntry }> }>;
  if (!(await ask({ type: 'recorder:get-captures', tabId })).recording) {
    const enable = { role: 'button', name: 'Turn on recording' } as const;
    await panel.click(enable);
    await panel.waitFor(enable, { gone: true });
    await until(async () => (await ask({ type: 'recorder:get-captures', tabId })).recording, (on) => on === true, 'the recorder turned on');
  }

  await tab.goto(lab.startUrl());
  if (!settings.idpInitiated) {
    await until(() => tab.url(), (url) => url.startsWith(lab.idp.ssoUrl), 'the IdP sign-in page');
    await tab.click('#sign-in');
  }
  const acsPost = (entries: HarEntry[]) => entries.find((e) => e.request.method === 'POST' && e.request.url === lab.sp.acsUrl && e.response.status > 0);
  const entries = await until(
    async () =>
      (await ask({ type: 'recorder:get-captures', tabId })).entries.map((e) => e.entry),
    (list) => acsPost(list) !== undefined,
    `the recorder's capture of the ${variant} sign-in`,
    15_000,
  );
  const acs = acsPost(entries)!;
  const harText = JSON.stringify({ log: { version: '1.2', creator: { name: 'sso-lens e2e', version: '1' }, entries } });
  const dir = join(HAR_DIR, browserName());
  await mkdir(dir, { recursive: true });
  const harPath = join(dir, `${variant}.har`);
  await writeFile(harPath, harText);
  // One more page in the tab after the sign-in: a request the recorder counts without keeping it. A looping
  // sign-in is left to go on: its test follows it.
  if (!settings.loop) {
    // The recorder can see the ACS answer before the tab has committed that page: navigating now would cut it off.
    await until(() => tab.url(), (url) => url.startsWith(lab.sp.origin), 'the page the ACS answered');
    await tab.goto(`${lab.sp.origin}/after-sign-in`);
  }
  return { variant, acsStatus: acs.response.status, acsBodyBytes: Buffer.byteLength(acs.request.postData?.text ?? ''), harPath, harText, panel, tab, tabId };
}
