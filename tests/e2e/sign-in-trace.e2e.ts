import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSaml } from '../support/saml-analysis';
import { prepareExport } from '@/utils/har/export-har';
import { readCapture } from '@/utils/har/read-capture';
import type { HarEntry } from '@/utils/har/types';
import { itLogsNoConsoleProblem } from './console-check';
import { until } from './harness/harness';
import { openPanelWithHar, PANEL, panelFindings } from './panel-page';
import { useLabAndBrowser } from './saml-lab';
import { HAR_DIR, signInWithVariant } from './sign-in';

interface Api {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
}

// The hops around the SAML messages, as the recorder keeps them and the panel's Trace tab shows them: the
// service's redirect to the IdP, the ACS's own answer, and a service that keeps sending the browser back.
describe('the sign-in trace', () => {
  const setup = useLabAndBrowser({ grantOptional: true });

  it('an ACS that answers 500: acs-error-status, and the 500 in the timeline after the redirect that started it', async () => {
    const { lab, browser } = setup;
    const signIn = await signInWithVariant(browser, lab, 'acs-server-error');
    expect(signIn.acsStatus).toBe(500);
    const analysis = analyzeSaml(readCapture(signIn.harText).entries, { profile: 'sonarqube-cloud' });
    expect(analysis.findings.map((f) => f.rule)).toContain('acs-error-status');

    const page = signIn.panel;
    await until(() => page.count(PANEL.flow), (n) => n === 1, 'flows in the panel');
    const shown = await panelFindings(page);
    expect(shown.map((f) => f.rule)).toContain('acs-error-status');
    // panelFindings left the last row open: the Response, whose Trace tab shows the whole sign-in.
    await page.click(`${PANEL.messageRow}[data-kind="Response"]`);
    await page.click(PANEL.traceTab);
    await page.waitFor(PANEL.traceRow);
    const statuses = await page.attributes(PANEL.traceRow, 'data-status');
    const texts = await page.texts(PANEL.traceRow);
    // The SP's /login redirect (a hop, not a message), then the AuthnRequest, the Response and its 500.
    expect(statuses[0]).toBe('302');
    expect(texts[0]).toContain(lab.sp.loginUrl);
    expect(statuses.at(-1)).toBe('500');
    expect(texts.at(-1)).toContain(lab.sp.acsUrl);
    await page.close();
    await signIn.tab.close();

    // The same capture exported as the panel exports it for SAML-tracer, opened in the panel again. Without
    // redaction: a redacted message is re-encoded, so its signature no longer verifies (a finding of its own).
    const tracer = prepareExport(
      readCapture(signIn.harText).entries.map((entry) => ({ entry, source: 'recorder' as const })),
      { redact: false, format: 'saml-tracer' },
    );
    const tracerPath = join(HAR_DIR, browser.name, 'acs-server-error.saml-tracer.json');
    await writeFile(tracerPath, tracer.text);
    const reopened = await openPanelWithHar(browser, tracerPath);
    const again = await panelFindings(reopened);
    const ids = (list: typeof shown) => list.map((f) => `${f.severity}:${f.rule}`).sort();
    expect(ids(again)).toEqual(ids(shown));
    await reopened.close();
  });

  it('a service that sends the browser back to the IdP three times: sign-in-loop', async () => {
    const { lab, browser } = setup;
    const signIn = await signInWithVariant(browser, lab, 'sign-in-loop');
    expect(signIn.acsStatus).toBe(302);
    const { tab, panel, tabId } = signIn;
    // The service sent the browser back to the IdP's form: the user signs in again, as a puzzled user does.
    let previous = '';
    for (let round = 0; round < 2; round++) {
      previous = await until(() => tab.url(), (url) => url.startsWith(`${lab.idp.ssoUrl}?`) && url !== previous, `the IdP form, round ${round + 2}`);
      await tab.click('#sign-in');
    }
    await until(() => tab.url(), (url) => url.startsWith(`${lab.idp.ssoUrl}?`) && url !== previous, 'the IdP form, round 4');

    // The recorder holds every trip: the engine finds the loop in them.
    const ask = (m: object) => browser.extensionCall((message) => (globalThis as unknown as { browser: Api }).browser.runtime.sendMessage(message), m) as Promise<{ entries: Array<{ entry: HarEntry }> }>;
    const requests = (list: HarEntry[]) => list.filter((e) => e.request.url.startsWith(`${lab.idp.ssoUrl}?SAMLRequest=`)).length;
    const entries = await until(
      async () => (await ask({ type: 'recorder:get-captures', tabId })).entries.map((e) => e.entry),
      (list) => requests(list) >= 3,
      'three AuthnRequests in the recorder',
    );
    const analysis = analyzeSaml(entries, { profile: 'sonarqube-cloud' });
    expect(analysis.findings.filter((f) => f.rule === 'sign-in-loop')).toHaveLength(1);

    await until(() => panel.count(PANEL.flow), (n) => n >= 3, 'the sign-in flows in the panel');
    expect((await panelFindings(panel)).filter((f) => f.rule === 'sign-in-loop')).toEqual([{ rule: 'sign-in-loop', severity: 'error' }]);
    // The Trace tab of a Response shows the service's redirect back, after the ACS.
    await panel.click(`${PANEL.messageRow}[data-kind="Response"]`);
    await panel.click(PANEL.traceTab);
    await panel.waitFor(PANEL.traceRow);
    const texts = await panel.texts(PANEL.traceRow);
    expect(texts.some((t) => t.includes(`${lab.sp.origin}/dashboard?session=lost`))).toBe(true);
    await panel.close();
    await tab.close();
  });

  itLogsNoConsoleProblem(() => [setup.browser]);
});
