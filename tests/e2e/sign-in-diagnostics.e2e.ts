import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSaml } from '../support/saml-analysis';
import { readCapture } from '@/utils/har/read-capture';
import { itLogsNoConsoleProblem } from './console-check';
import { until } from './harness/harness';
import { PANEL, panelFindings, showResponse } from './panel-page';
import { useLabAndBrowser } from './saml-lab';
import { screenshotPath } from './screenshots';
import { signInWithVariant, type CapturedSignIn } from './sign-in';
import { MARKUP_VALUE, type VariantName } from './variants';

interface Expectation {
  variant: VariantName;
  /** What the SP's ACS answers (401: node-saml rejected the Response). */
  acsStatus: number;
  /** Rule ids that must be among the findings. */
  rules: string[];
  /** The sign-in is fine: no finding may have error severity. */
  noErrors?: boolean;
}

// Real sign-ins, real signed SAML, captured by the add-on's recorder with the panel open as a tab, and
// analyzed by the same engine the panel and the CLI use.
// prettier-ignore
const EXPECTATIONS: Expectation[] = [
  { variant: 'clean',               acsStatus: 200, rules: [],                              noErrors: true },
  { variant: 'missing-email',       acsStatus: 200, rules: ['email-attribute-missing'] },
  { variant: 'group-object-ids',    acsStatus: 200, rules: ['group-values-are-object-ids'] },
  { variant: 'group-overage',       acsStatus: 200, rules: ['entra-group-overage'] },
  { variant: 'expired',             acsStatus: 401, rules: ['assertion-expired'] },
  { variant: 'not-yet-valid',       acsStatus: 401, rules: ['not-yet-valid'] },
  { variant: 'idp-initiated',       acsStatus: 200, rules: ['idp-initiated'] },
  { variant: 'acs-forbidden',       acsStatus: 403, rules: ['acs-forbidden'] },
  { variant: 'markup-in-attribute', acsStatus: 200, rules: [],                              noErrors: true },
  { variant: 'large-response',      acsStatus: 200, rules: [],                              noErrors: true },
];

describe('a real sign-in, recorded and analyzed', () => {
  const setup = useLabAndBrowser({ grantOptional: true });
  // Each sign-in takes a second or two: later tests reuse the table's captures.
  const captures = new Map<VariantName, CapturedSignIn>();
  const capture = async (variant: VariantName) => {
    const existing = captures.get(variant);
    if (existing) return existing;
    const signIn = await signInWithVariant(setup.browser, setup.lab, variant);
    captures.set(variant, signIn);
    return signIn;
  };

  it.each(EXPECTATIONS)('$variant → $rules, in the engine and in the panel', async ({ variant, acsStatus, rules, noErrors }) => {
    const { browser } = setup;
    const signIn = await capture(variant);
    expect(signIn.acsStatus).toBe(acsStatus);

    const { entries } = readCapture(signIn.harText);
    // SonarQube Cloud's expectations, as a user picks them for an SP the engine cannot recognise by host.
    const analysis = analyzeSaml(entries, { profile: 'sonarqube-cloud' });
    const summary = analysis.findings.map((f) => `${f.severity}:${f.rule}`);

    const signInFlows = analysis.flows.filter((f) => f.kind === 'sign-in');
    expect(signInFlows, `flows in ${signIn.harPath}`).toHaveLength(1);
    const [flow] = signInFlows;
    expect(flow!.acsStatus).toBe(acsStatus);
    expect(flow!.unsolicited).toBe(variant === 'idp-initiated');
    expect(flow!.requestKey === undefined).toBe(variant === 'idp-initiated');

    const ruleIds = analysis.findings.map((f) => f.rule);
    expect(ruleIds, summary.join(', ')).toEqual(expect.arrayContaining(rules));
    if (noErrors) {
      expect(analysis.findings.filter((f) => f.severity === 'error').map((f) => f.rule), summary.join(', ')).toEqual([]);
    }

    // The panel, opened as a tab for the sign-in tab, shows the same sign-in.
    const page = signIn.panel;
    await until(() => page.count(PANEL.flow), (n) => n === 1, 'flows in the panel');
    const shown = await panelFindings(page);
    const shownRules = shown.map((f) => f.rule);
    expect(shownRules).toEqual(expect.arrayContaining(rules));
    if (noErrors) expect(shown.filter((f) => f.severity === 'error')).toEqual([]);
    // One engine, four faces: the panel shows what the engine found, no more, no less.
    expect([...new Set(shownRules)].sort()).toEqual([...new Set(analysis.findings.map((f) => f.rule))].sort());
    // The status bar follows the recorder's count of the tab's other requests (at least the page before).
    await until(() => page.text(PANEL.statusBar), (text) => /(?:^|\D)[1-9]\d* other requests counted/.test(text), 'the status bar count');
    if (variant === 'clean' || variant === 'missing-email') {
      // panelFindings left the Response open on its Findings tab: the README's panel images, both themes.
      await page.setViewport(1280, 800);
      for (const scheme of ['light', 'dark'] as const) {
        await browser.setColorScheme(scheme);
        const path = screenshotPath(`panel-${variant}-${scheme}`);
        await mkdir(dirname(path), { recursive: true });
        await page.screenshot(path);
      }
      await browser.setColorScheme('light');
    }
    // Done with this sign-in: the next tab must not count as one this tab opened.
    await signIn.panel.close();
    await signIn.tab.close();
  });

  // After the table: its captures are reused, each made and checked in turn (Chromium opens a new tab from the
  // last one, and the recorder rightly follows tabs opened from a sign-in tab).
  it('facts about the IdP token need no profile: the overage and object-ID sign-ins analyzed as the generic SP they are', async () => {
    const cases: Array<[VariantName, string]> = [
      ['group-overage', 'entra-group-overage'],
      ['group-object-ids', 'group-values-are-object-ids'],
    ];
    for (const [variant, rule] of cases) {
      const { entries } = readCapture((await capture(variant)).harText);
      const analysis = analyzeSaml(entries);
      expect(analysis.findings.find((f) => f.rule === rule)?.severity, variant).toBe('error');
    }
  });

  it('the panel renders an attribute holding markup as text: no element, no script', async () => {
    const signIn = await signInWithVariant(setup.browser, setup.lab, 'markup-in-attribute');
    const page = signIn.panel;
    await showResponse(page);
    const values = await page.texts(PANEL.attributeValue);
    expect(values).toContain(MARKUP_VALUE);
    expect(await page.count('img[src="x"], img[onerror]')).toBe(0);
    const path = screenshotPath('panel-markup-as-text');
    await mkdir(dirname(path), { recursive: true });
    await page.screenshot(path, { fullPage: true });
  });

  it('keeps a Response over 4 KB whole, every group included', async () => {
    const signIn = await capture('large-response');
    expect(signIn.acsBodyBytes).toBeGreaterThan(4096);
    const analysis = analyzeSaml(readCapture(signIn.harText).entries, { profile: 'sonarqube-cloud' });
    const response = analysis.messages.find((m) => m.kind === 'Response');
    const groups = response?.assertions[0]?.attributes.find((a) => a.name === 'groups');
    expect(groups?.values).toHaveLength(150);
    expect(groups?.values.at(-1)).toBe('sso-lens-team-150');
  });

  it('reads an attribute holding markup as the text it is', async () => {
    const signIn = await capture('markup-in-attribute');
    const analysis = analyzeSaml(readCapture(signIn.harText).entries, { profile: 'sonarqube-cloud' });
    const response = analysis.messages.find((m) => m.kind === 'Response');
    const name = response?.assertions[0]?.attributes.find((a) => a.name === 'name');
    expect(name?.values).toEqual([MARKUP_VALUE]);
  });

  itLogsNoConsoleProblem(() => [setup.browser]);
});
