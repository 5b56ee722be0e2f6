import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { analyze } from '@/utils/analyze';
import { readCapture } from '@/utils/har/read-capture';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { openPanelWithHar, PANEL, panelFindings, showResponse } from './panel-page';
import { startSamlLab, type SamlLab } from './saml-lab';
import { SCREENSHOT_DIR } from './screenshots';
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

// Real sign-ins, real signed SAML, analyzed by the same engine the panel and the CLI use.
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

describe('a real sign-in in Chromium, analyzed', () => {
  let lab: SamlLab;
  // Each browser sign-in takes ~2 s: later tests reuse the table's captures.
  const captures = new Map<VariantName, CapturedSignIn>();
  const capture = async (variant: VariantName) => {
    const existing = captures.get(variant);
    if (existing) return existing;
    const signIn = await signInWithVariant(lab, variant, inject('extensionPath'));
    captures.set(variant, signIn);
    return signIn;
  };
  // One browser shows every capture in the panel: launching one per variant would double the run time.
  let viewer: ExtensionBrowser;
  beforeAll(async () => {
    lab = await startSamlLab();
    viewer = await launchWithExtension({ extensionPath: inject('extensionPath') });
  });
  afterAll(async () => {
    await viewer?.close();
    await lab?.close();
  });

  it('facts about the IdP token need no profile: the overage and object-ID sign-ins analyzed as the generic SP they are', async () => {
    const cases: Array<[VariantName, string]> = [
      ['group-overage', 'entra-group-overage'],
      ['group-object-ids', 'group-values-are-object-ids'],
    ];
    for (const [variant, rule] of cases) {
      const { entries } = readCapture((await capture(variant)).harText);
      const analysis = analyze(entries);
      expect(analysis.findings.find((f) => f.rule === rule)?.severity, variant).toBe('error');
    }
  });

  it.each(EXPECTATIONS)('$variant → $rules', async ({ variant, acsStatus, rules, noErrors }) => {
    const signIn = await capture(variant);
    expect(signIn.acsStatus).toBe(acsStatus);

    const { entries } = readCapture(signIn.harText);
    // SonarQube Cloud's expectations, as a user picks them for an SP the engine cannot recognise by host.
    const analysis = analyze(entries, { profile: 'sonarqube-cloud' });
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
  });

  it.each(EXPECTATIONS)('the panel shows $variant with $rules', async ({ variant, rules, noErrors }) => {
    const signIn = await capture(variant);
    const engine = analyze(readCapture(signIn.harText).entries, { profile: 'sonarqube-cloud' });
    const page = await openPanelWithHar(viewer, signIn.harPath);
    try {
      await expect.poll(() => page.locator(PANEL.flow).count()).toBe(1);
      const shown = await panelFindings(page);
      const shownRules = shown.map((f) => f.rule);
      expect(shownRules).toEqual(expect.arrayContaining(rules));
      if (noErrors) expect(shown.filter((f) => f.severity === 'error')).toEqual([]);
      // One engine, four faces: the panel shows what the engine found, no more, no less.
      expect([...new Set(shownRules)].sort()).toEqual([...new Set(engine.findings.map((f) => f.rule))].sort());
      if (variant === 'clean' || variant === 'missing-email') {
        // panelFindings left the Response open on its Findings tab: the README's panel images, both themes.
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await page.screenshot({ path: `${SCREENSHOT_DIR}/panel-${variant}-${colorScheme}.png` });
        }
      }
    } finally {
      await page.close();
    }
  });

  it('the panel renders an attribute holding markup as text: no element, no script', async () => {
    const signIn = await capture('markup-in-attribute');
    const dialogs: string[] = [];
    const requested: string[] = [];
    viewer.context.on('request', (r) => requested.push(r.url()));
    const page = await openPanelWithHar(viewer, signIn.harPath);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    try {
      await showResponse(page);
      const values = await page.locator(PANEL.attributeValue).allTextContents();
      expect(values).toContain(MARKUP_VALUE);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.evaluate(() => document.querySelectorAll('img[onerror]').length)).toBe(0);
      // A created <img src=x> would have asked the extension for its own "x".
      expect(requested.filter((u) => u.endsWith('/x'))).toEqual([]);
      expect(dialogs).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/panel-markup-as-text.png`, fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('keeps a Response over 4 KB whole, every group included', async () => {
    const signIn = await capture('large-response');
    expect(signIn.acsBodyBytes).toBeGreaterThan(4096);
    const analysis = analyze(readCapture(signIn.harText).entries, { profile: 'sonarqube-cloud' });
    const response = analysis.messages.find((m) => m.kind === 'Response');
    const groups = response?.assertions[0]?.attributes.find((a) => a.name === 'groups');
    expect(groups?.values).toHaveLength(150);
    expect(groups?.values.at(-1)).toBe('sso-lens-team-150');
  });

  it('reads an attribute holding markup as the text it is', async () => {
    const signIn = await capture('markup-in-attribute');
    const analysis = analyze(readCapture(signIn.harText).entries, { profile: 'sonarqube-cloud' });
    const response = analysis.messages.find((m) => m.kind === 'Response');
    const name = response?.assertions[0]?.attributes.find((a) => a.name === 'name');
    expect(name?.values).toEqual([MARKUP_VALUE]);
  });
});
