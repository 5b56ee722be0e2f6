import type { ExtensionBrowser, TestPage } from './harness/harness';

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
  /** The detail pane's Trace tab (a flow with more than one step). */
  traceTab: '[data-testid="detail-tab-trace"]',
  /** One row per step of the Trace tab; carries data-status="<HTTP status>". */
  traceRow: '[data-testid="trace-row"]',
  /** The detail pane's Attributes tab. */
  attributesTab: '[data-testid="detail-tab-attributes"]',
  /** Beside a group value, when organization group lists are cached; carries data-status="exact|case-only|default|none". */
  groupParity: '[data-testid="group-parity"]',
  /** The status bar at the bottom of the panel. */
  statusBar: 'footer.status-bar',
} as const;

export interface PanelFinding {
  rule: string;
  severity: string;
}

/**
 * Opens panel.html in a tab and imports a HAR file through its file picker. The local SP is not on a SonarQube
 * Cloud host, so the suite picks the service as a user would.
 */
export async function openPanelWithHar(browser: ExtensionBrowser, harPath: string, profile = 'sonarqube-cloud'): Promise<TestPage> {
  const page = await browser.openExtensionPage('panel.html');
  await page.select(PANEL.profile, profile);
  await page.upload(PANEL.harImport, harPath);
  await page.waitFor(PANEL.flow);
  return page;
}

/** Every finding the panel shows, message by message: opens each row and reads its Findings tab. */
export async function panelFindings(page: TestPage): Promise<PanelFinding[]> {
  const shown: PanelFinding[] = [];
  const count = await page.count(PANEL.messageRow);
  for (let i = 0; i < count; i++) {
    await page.click(`${PANEL.messageRow}:nth-child(${i + 1} of ${PANEL.messageRow})`);
    await page.click(PANEL.findingsTab);
    const rules = await page.attributes(PANEL.finding, 'data-rule');
    const severities = await page.attributes(PANEL.finding, 'data-severity');
    shown.push(...rules.map((rule, n) => ({ rule: rule ?? '', severity: severities[n] ?? '' })));
  }
  return shown;
}

/** Opens the flow's Response on its Attributes tab. */
export async function showResponse(page: TestPage): Promise<void> {
  await page.click(`${PANEL.messageRow}[data-kind="Response"]`);
  await page.click(PANEL.attributesTab);
  await page.waitFor(PANEL.attributeValue);
}
