import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itLogsNoConsoleProblem } from './console-check';
import { launch, until, type ExtensionBrowser, type TestPage } from './harness/harness';

// The options page in each browser: enterprises of both services, a Devolutions Cloud invitation recorded
// there and copied from the popup, and the settings file exported and imported back.

const ADD_FORM = { role: 'form', name: 'Add an enterprise' } as const;
const SAVED = { role: 'list', name: 'Saved enterprises' } as const;
const SONAR = { name: 'Acme EU', key: 'acme-options', link: 'https://sonarcloud.io/login/sso?enterprise_key=acme-options' };
const DEVOLUTIONS = { name: 'Acme DVLS', url: 'https://acme.devolutions.app' };
const INVITATION = { who: 'Grace Hopper', code: 'INV-7F3K-22' };

describe('the options page', () => {
  let browser: ExtensionBrowser;
  let options: TestPage;
  let dir: string;
  let exported = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sso-lens-e2e-options-'));
    browser = await launch();
    options = await browser.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('adds a SonarQube Cloud enterprise and a Devolutions Cloud instance', async () => {
    await options.fill({ within: ADD_FORM, role: 'textbox', name: 'Name' }, SONAR.name);
    await options.select({ within: ADD_FORM, role: 'combobox', name: 'Region' }, 'eu');
    await options.fill({ within: ADD_FORM, role: 'textbox', name: 'Enterprise key' }, SONAR.key);
    await options.click({ within: ADD_FORM, role: 'button', name: 'Add' });
    await options.waitFor({ within: SAVED, role: 'listitem', text: `key ${SONAR.key}`, partial: true });

    await options.select({ within: ADD_FORM, role: 'combobox', name: 'Service' }, 'devolutions-cloud');
    await options.fill({ within: ADD_FORM, role: 'textbox', name: 'Name' }, DEVOLUTIONS.name);
    await options.fill({ within: ADD_FORM, role: 'textbox', name: 'Instance URL' }, DEVOLUTIONS.url);
    await options.click({ within: ADD_FORM, role: 'button', name: 'Add' });
    await options.waitFor({ within: SAVED, role: 'listitem', text: `Devolutions Cloud · ${DEVOLUTIONS.url}`, partial: true });
    expect(await options.count({ within: SAVED, css: ':scope > li' })).toBe(2);
  });

  it('records a Devolutions Cloud invitation that the popup lists and copies a heads-up for', async () => {
    const form = { within: { within: SAVED, role: 'listitem', text: DEVOLUTIONS.url, partial: true }, role: 'form', name: 'Record an invitation' } as const;
    await options.fill({ within: form, role: 'textbox', name: 'Who' }, INVITATION.who);
    await options.fill({ within: form, role: 'textbox', name: 'Invitation ID / key' }, INVITATION.code);
    await options.click({ within: form, role: 'button', name: 'Record invitation' });
    await options.waitFor({ within: SAVED, text: INVITATION.who, css: 'li li, li span, li strong, li div', partial: true });

    const popup = await browser.openExtensionPage('popup.html');
    const card = { role: 'article', name: DEVOLUTIONS.name } as const;
    await popup.waitFor({ within: card, text: INVITATION.who, css: 'strong' });
    // Sent a moment ago: 7 days less a few seconds, counted in whole days.
    expect(await popup.text({ within: card, css: '.invitations .badge' })).toBe('6 days left');
    await browser.writeClipboard('nothing copied yet');
    await popup.click({ within: card, role: 'button', name: 'Copy heads-up' });
    const text = await until(() => browser.readClipboard(), (t) => t !== 'nothing copied yet', 'the clipboard');
    expect(text).toContain(`Hi ${INVITATION.who},`);
    // Devolutions Cloud sends the invitation e-mail itself: the copied text is a heads-up, without the key.
    expect(text).toContain(`Devolutions Cloud is sending you an e-mail inviting you to our instance, ${DEVOLUTIONS.url}`);
    expect(text).toContain('no password is needed');
    expect(text).not.toContain(INVITATION.code);
    await popup.close();
  });

  it('exports the settings as a JSON file holding both enterprises and the invitation', async () => {
    // The file is saved through a blob URL: keep the blob's text where the test can read it.
    await options.evaluate(() => {
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        void blob.text().then((t) => document.body.setAttribute('data-exported', t));
        return create(blob);
      };
    });
    await options.click({ role: 'button', name: 'Export settings (JSON)' });
    await options.waitFor({ role: 'status', text: 'Exported sso-lens-settings.json.' });
    exported = await until(() => options.evaluate(() => document.body.getAttribute('data-exported') ?? ''), (t) => t.length > 0, 'the exported file');
    const names = (JSON.parse(exported) as { settings: { enterprises: Array<{ name: string }> } }).settings.enterprises.map((e) => e.name);
    expect(names).toEqual([SONAR.name, DEVOLUTIONS.name]);
    expect(exported).toContain(INVITATION.code);
  });

  it('imports the file back after a removal, with a preview first', async () => {
    await options.click({ role: 'button', name: `Remove ${SONAR.name}` });
    await options.click({ within: { role: 'group', name: `Confirm removing ${SONAR.name}` }, role: 'button', name: 'Yes, remove' });
    await options.waitFor({ within: SAVED, role: 'listitem', text: `key ${SONAR.key}`, partial: true }, { gone: true });

    const file = join(dir, 'sso-lens-settings.json');
    await writeFile(file, exported);
    await options.upload('section[aria-labelledby="transfer-title"] input[type="file"]', file);
    const preview = { role: 'group', name: 'Import preview' } as const;
    await options.waitFor({ within: preview, text: 'sso-lens-settings.json: 2 enterprises', partial: true, css: 'p' });
    await options.click({ within: preview, role: 'button', name: 'Replace with the imported settings' });
    await options.waitFor({ role: 'status', text: 'Imported 2 enterprise(s).' });
    await options.waitFor({ within: SAVED, role: 'listitem', text: `key ${SONAR.key}`, partial: true });

    // The popup reads what the import saved: the SonarQube Cloud card and its link are back.
    const popup = await browser.openExtensionPage('popup.html');
    await popup.waitFor({ within: { role: 'article', name: SONAR.name }, text: SONAR.link });
    await popup.close();
  });

  itLogsNoConsoleProblem(() => [browser]);
});
