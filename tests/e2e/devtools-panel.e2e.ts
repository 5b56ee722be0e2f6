import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itLogsNoConsoleProblem } from './console-check';
import { launch, until, type ExtensionBrowser, type TestPage } from './harness/harness';
import { startSamlLab, type SamlLab } from './saml-lab';

// The real DevTools "SAML" panel (not panel.html opened as a tab): DevTools opened on a tab, its panel
// capturing a real sign-in there through devtools.network, and the verdict reaching the popup for that tab.
// The panel lives inside DevTools, where neither driver can click: the test reads what it tells the rest of
// the add-on (storage.session) and what the popup shows.

interface Api {
  storage: { session: { get(k: null): Promise<Record<string, { worst?: string; topFinding?: { rule: string } }>> } };
  tabs: { update(id: number, props: object): Promise<unknown> };
}

describe('the SAML panel in DevTools', () => {
  let lab: SamlLab;
  let browser: ExtensionBrowser;
  let tab: TestPage;
  beforeAll(async () => {
    lab = await startSamlLab();
    browser = await launch({ devtools: true });
  });
  afterAll(async () => {
    await browser?.close();
    await lab?.close();
  });

  it('captures a sign-in on the inspected tab and tells the popup its verdict', async () => {
    tab = await browser.newPage();
    await tab.goto(`${lab.sp.origin}/before-sign-in`);
    await browser.openDevToolsPanel(tab, 'SAML');

    // An expired assertion: an error under any service profile (the panel detects the local SP as generic).
    lab.use('expired');
    await tab.goto(lab.startUrl());
    await until(() => tab.url(), (url) => url.startsWith(lab.idp.ssoUrl), 'the IdP sign-in page');
    await tab.click('#sign-in');
    await until(() => tab.url(), (url) => url === lab.sp.acsUrl, 'the ACS');

    const verdicts = await until(
      () => browser.extensionCall(() => (globalThis as unknown as { browser: Api }).browser.storage.session.get(null)),
      (stored) => Object.keys(stored).some((k) => k.startsWith('verdict:')),
      "the panel's verdict",
    );
    const [key, verdict] = Object.entries(verdicts).find(([k]) => k.startsWith('verdict:'))!;
    // The engine ranks the two errors of this sign-in (the ACS refused it; the assertion had expired).
    expect(verdict.worst).toBe('error');
    expect(['acs-error-status', 'assertion-expired']).toContain(verdict.topFinding?.rule);

    // The popup shows the verdict of the active tab: make the signed-in tab active, then open the popup.
    const tabId = Number(key.slice('verdict:'.length));
    const popup = await browser.openExtensionPage('popup.html');
    await popup.evaluate((id) => (globalThis as unknown as { browser: Api }).browser.tabs.update(id, { active: true }), tabId);
    await popup.goto(browser.extensionUrl('popup.html'));
    const lastSignIn = { role: 'region', name: 'Last sign-in on this tab' } as const;
    await popup.waitFor({ within: lastSignIn, text: 'Sign-in has errors' });
    expect(await popup.text(lastSignIn)).toContain(verdict.topFinding!.rule);
  });

  itLogsNoConsoleProblem(() => [browser]);
});
