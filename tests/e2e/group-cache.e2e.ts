import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { b64, har, postEntry } from '../support/har-builder';
import { buildResponse, SONAR_ACS, SONAR_USER } from '../support/response-builder';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { openPanelWithHar, PANEL, showResponse } from './panel-page';

// Issue 5: an organization's group list, imported on the options page, is still there after the extension
// restarts, and the panel checks a captured Response's groups against it.

const ORGANIZATION = 'acme-e2e';
const LISTED_AS = `${ORGANIZATION} (EU)`;
/** Pasted one per line, as an admin copies them from SonarQube Cloud. */
const ORG_GROUPS = ['sso-lens-developers', 'SSO-Lens-Admins', 'sso-lens-viewers'];
/** What the IdP sends, and what the panel must say of each value against ORG_GROUPS. */
const ASSERTION_GROUPS: Record<string, string> = {
  'sso-lens-developers': 'exact',
  'sso-lens-admins': 'case-only',
  'sso-lens-contractors': 'none',
};

const EMPTY_CACHE = 'No group lists cached yet.';

/** Opens the options page on its group lists, once the cache has been read (the empty state or the list shows). */
async function openGroupLists(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.openExtensionPage('options.html');
  await page.getByRole('tab', { name: 'Group lists' }).click();
  const empty = page.getByText(EMPTY_CACHE);
  const listed = page.getByRole('list', { name: 'Cached organizations' });
  await empty.or(listed).waitFor({ timeout: 5_000 });
  return page;
}

describe('the group cache across an extension restart', () => {
  let dir: string;
  let profile: string;
  let harPath: string;
  let browser: ExtensionBrowser | undefined;
  let firstExtensionId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sso-lens-e2e-group-cache-'));
    profile = join(dir, 'profile');
    harPath = join(dir, 'groups-sign-in.har');
    const xml = buildResponse({ attributes: { ...SONAR_USER, groups: Object.keys(ASSERTION_GROUPS) } });
    await writeFile(harPath, har([postEntry(SONAR_ACS, 'SAMLResponse', b64(xml), { time: '2024-01-01T00:00:10.000Z' })]));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('imports a pasted group list on the options page', async () => {
    browser = await launchWithExtension({ extensionPath: inject('extensionPath'), userDataDir: profile });
    firstExtensionId = browser.extensionId;
    const page = await openGroupLists(browser);
    expect(await page.getByText(EMPTY_CACHE).count()).toBe(1);

    const form = page.getByRole('form', { name: 'Import a list' });
    await form.getByLabel('Organization key').fill(ORGANIZATION);
    await form.getByLabel('Region').selectOption('eu');
    await form.getByLabel('Format').selectOption('paste');
    await form.getByLabel('Group names').fill(ORG_GROUPS.join('\n'));
    await form.getByRole('button', { name: 'Save to cache' }).click();

    await form.getByRole('status').getByText(`Cached 3 groups of ${LISTED_AS} from the list.`).waitFor({ timeout: 5_000 });
    expect(await page.getByRole('list', { name: 'Cached organizations' }).getByText(LISTED_AS, { exact: true }).count()).toBe(1);
  });

  it('still lists the organization and its groups after the browser restarts on the same profile', async () => {
    // chrome.runtime.reload() ends an extension Playwright loaded unpacked; closing the browser and starting it
    // again on the same profile reloads the extension with what it stored.
    await browser!.close();
    browser = await launchWithExtension({ extensionPath: inject('extensionPath'), userDataDir: profile });
    expect(browser.extensionId).toBe(firstExtensionId);

    const page = await openGroupLists(browser);
    expect(await page.getByText(EMPTY_CACHE).count(), 'the cache is empty after the restart').toBe(0);
    const organizations = page.getByRole('list', { name: 'Cached organizations' }).getByRole('listitem');
    expect(await organizations.count()).toBe(1);
    const listed = await organizations.first().textContent();
    expect(listed).toContain(LISTED_AS);
    expect(listed).toContain('3 groups · pasted');

    await page.getByRole('button', { name: `Inspect ${LISTED_AS}` }).click();
    const names = page.locator('[data-testid="group-name"]');
    await names.first().waitFor({ timeout: 5_000 });
    expect((await names.allTextContents()).sort()).toEqual([...ORG_GROUPS].sort());
    await page.close();
  });

  it('shows group parity in the panel from the kept list', async () => {
    const page = await openPanelWithHar(browser!, harPath, 'sonarqube-cloud');
    await showResponse(page);
    const shown = await page.locator(PANEL.groupParity).evaluateAll((nodes) =>
      nodes.map((n) => ({
        value: n.parentElement?.querySelector('[data-testid="attribute-value"]')?.textContent ?? '',
        status: n.getAttribute('data-status') ?? '',
        text: n.textContent ?? '',
      })),
    );
    expect(Object.fromEntries(shown.map((s) => [s.value, s.status]))).toEqual(ASSERTION_GROUPS);
    // A case-only value names the organization's own spelling, the fix the admin needs.
    expect(shown.find((s) => s.status === 'case-only')?.text).toContain('SSO-Lens-Admins');
    await page.close();
  });
});
