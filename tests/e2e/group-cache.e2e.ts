import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { b64, har, postEntry } from '../support/har-builder';
import { buildResponse, SONAR_ACS, SONAR_USER } from '../support/response-builder';
import { itLogsNoConsoleProblem } from './console-check';
import { launch, until, type ExtensionBrowser, type TestPage } from './harness/harness';
import { openPanelWithHar, PANEL, showResponse } from './panel-page';

// Issue 5: an organization's group list, imported on the options page, is still there after the browser
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

const EMPTY_CACHE = { text: 'No group lists cached yet.', css: 'p', partial: true } as const;
const CACHED = { role: 'list', name: 'Cached organizations' } as const;
const IMPORT_FORM = { role: 'form', name: 'Import a list' } as const;

/** Opens the options page on its group lists, once the cache has been read (the empty state or the list shows). */
async function openGroupLists(browser: ExtensionBrowser): Promise<TestPage> {
  const page = await browser.openExtensionPage('options.html');
  await page.click({ role: 'tab', name: 'Group lists' });
  await until(async () => (await page.count(EMPTY_CACHE)) + (await page.count(CACHED)), (n) => n > 0, 'the group lists');
  return page;
}

describe('the group cache across a browser restart', () => {
  let dir: string;
  let profileDir: string;
  let harPath: string;
  const started: ExtensionBrowser[] = [];
  let browser: ExtensionBrowser | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sso-lens-e2e-group-cache-'));
    profileDir = join(dir, 'profile');
    harPath = join(dir, 'groups-sign-in.har');
    const xml = buildResponse({ attributes: { ...SONAR_USER, groups: Object.keys(ASSERTION_GROUPS) } });
    await writeFile(harPath, har([postEntry(SONAR_ACS, 'SAMLResponse', b64(xml), { time: '2024-01-01T00:00:10.000Z' })]));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('imports a pasted group list on the options page', async () => {
    browser = await launch({ profileDir });
    started.push(browser);
    const page = await openGroupLists(browser);
    expect(await page.count(EMPTY_CACHE)).toBe(1);

    await page.fill({ within: IMPORT_FORM, role: 'textbox', name: 'Organization key' }, ORGANIZATION);
    await page.select({ within: IMPORT_FORM, role: 'combobox', name: 'Region' }, 'eu');
    await page.select({ within: IMPORT_FORM, role: 'combobox', name: 'Format' }, 'paste');
    await page.fill({ within: IMPORT_FORM, role: 'textbox', name: 'Group names', partial: true }, ORG_GROUPS.join('\n'));
    await page.click({ within: IMPORT_FORM, role: 'button', name: 'Save to cache' });

    await page.waitFor({ within: IMPORT_FORM, role: 'status', text: `Cached 3 groups of ${LISTED_AS} from the list.`, partial: true });
    await page.waitFor({ within: CACHED, role: 'listitem', text: LISTED_AS, partial: true });
  });

  it('still lists the organization and its groups after the browser restarts on the same profile', async () => {
    await browser!.close();
    browser = await launch({ profileDir });
    started.push(browser);

    const page = await openGroupLists(browser);
    expect(await page.count(EMPTY_CACHE), 'the cache is empty after the restart').toBe(0);
    const listed = await page.texts({ within: CACHED, role: 'listitem' });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain(LISTED_AS);
    expect(listed[0]).toContain('3 groups · pasted');

    await page.click({ role: 'button', name: `Inspect ${LISTED_AS}` });
    await page.waitFor('[data-testid="group-name"]');
    expect((await page.texts('[data-testid="group-name"]')).sort()).toEqual([...ORG_GROUPS].sort());
    await page.close();
  });

  it('shows group parity in the panel from the kept list', async () => {
    const page = await openPanelWithHar(browser!, harPath, 'sonarqube-cloud');
    await showResponse(page);
    const shown = await page.evaluate(
      (css) =>
        [...document.querySelectorAll(css)].map((n) => ({
          value: n.parentElement?.querySelector('[data-testid="attribute-value"]')?.textContent ?? '',
          status: n.getAttribute('data-status') ?? '',
          text: n.textContent ?? '',
        })),
      PANEL.groupParity,
    );
    expect(Object.fromEntries(shown.map((s) => [s.value, s.status]))).toEqual(ASSERTION_GROUPS);
    // A case-only value names the organization's own spelling, the fix the admin needs.
    expect(shown.find((s) => s.status === 'case-only')?.text).toContain('SSO-Lens-Admins');
    // One organization's list is cached: the status bar says so in the singular.
    expect(await page.text(PANEL.statusBar)).toContain('Group list of 1 organization cached');
    await page.close();
  });

  itLogsNoConsoleProblem(() => started);
});
