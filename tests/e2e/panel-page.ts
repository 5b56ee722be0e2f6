import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

// How the suite reads the devtools panel opened as a tab. These test ids are the contract with the panel
// (issue 4); keep them in one place so a rename is one edit here.
export const PANEL = {
  /** <input type="file"> that imports a HAR file or a SAML-tracer export. */
  harImport: '[data-testid="har-import"]',
  /** One element per flow (sign-in, sign-out) in the message list. */
  flow: '[data-testid="flow"]',
  /** One row per SAML message; carries data-kind="AuthnRequest|Response|…". Clicking shows its detail. */
  messageRow: '[data-testid="message-row"]',
  /** One element per finding; carries data-rule="<rule id>" and data-severity="error|warning|info". */
  finding: '[data-testid="finding"]',
  /** One element per attribute value in the message detail. */
  attributeValue: '[data-testid="attribute-value"]',
  /** <select> of the target service profile: "auto", "sonarqube-cloud", "generic". */
  profile: '[data-testid="profile-select"]',
  /** The detail pane's Findings tab. */
  findingsTab: '[data-testid="detail-tab-findings"]',
  /** The detail pane's Attributes tab. */
  attributesTab: '[data-testid="detail-tab-attributes"]',
  /** Beside a group value, when organization group lists are cached; carries data-status="exact|case-only|default|none". */
  groupParity: '[data-testid="group-parity"]',
} as const;

export interface PanelFinding {
  rule: string;
  severity: string;
}

/**
 * Opens panel.html in a tab and imports a HAR file through its file picker. The local SP is not on a SonarQube
 * Cloud host, so the suite picks the service as a user would.
 */
export async function openPanelWithHar(browser: ExtensionBrowser, harPath: string, profile = 'sonarqube-cloud'): Promise<Page> {
  const page = await browser.openExtensionPage('panel.html');
  await page.locator(PANEL.profile).selectOption(profile);
  const input = page.locator(PANEL.harImport);
  // The page has loaded: a missing picker means the panel lacks the import, not that it is slow.
  await input.waitFor({ state: 'attached', timeout: 3_000 });
  await input.setInputFiles(harPath);
  await page.locator(PANEL.flow).first().waitFor({ timeout: 5_000 });
  return page;
}

/** Every finding the panel shows, message by message: opens each row and reads its Findings tab. */
export async function panelFindings(page: Page): Promise<PanelFinding[]> {
  const shown: PanelFinding[] = [];
  const rows = page.locator(PANEL.messageRow);
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    await rows.nth(i).click();
    await page.locator(PANEL.findingsTab).click();
    const own = await page.locator(PANEL.finding).evaluateAll((nodes) =>
      nodes.map((n) => ({ rule: n.getAttribute('data-rule') ?? '', severity: n.getAttribute('data-severity') ?? '' })),
    );
    shown.push(...own);
  }
  return shown;
}

/** Opens the flow's Response on its Attributes tab. */
export async function showResponse(page: Page): Promise<void> {
  await page.locator(`${PANEL.messageRow}[data-kind="Response"]`).first().click();
  await page.locator(PANEL.attributesTab).click();
  await page.locator(PANEL.attributeValue).first().waitFor({ timeout: 5_000 });
}
