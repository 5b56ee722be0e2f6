// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Settings } from '@/utils/settings/schema';
import { createSettingsStore, type SettingsStore } from '@/utils/settings/settings-store';
import type { GroupsPlatform } from '@/components/groups/groups-platform';
import { OptionsApp } from './OptionsApp';

vi.mock('@/components/groups/GroupCacheManager', () => ({ GroupCacheManager: () => <p>Group cache manager here</p> }));

const now = new Date('2025-03-10T12:00:00.000Z');
const saved: Settings = {
  enterprises: [
    { id: 'a', service: 'sonarqube-cloud', name: 'Acme EU', region: 'eu', key: 'acme', provisioning: 'jit', oktaExpress: false, checklist: {} },
    { id: 'b', service: 'sonarqube-cloud', name: 'Acme US', region: 'us', key: 'acme-us', provisioning: 'jit', oktaExpress: false, checklist: {} },
    { id: 'c', service: 'devolutions-cloud', name: 'Vault', url: 'https://acme.devolutions.app', invitations: [] },
  ],
  defaultId: 'a',
  inviteTemplate: '',
  openOnClick: false,
};

let store: SettingsStore;

async function renderOptions(settings?: Settings, initialTab?: 'enterprises' | 'groups') {
  store = createSettingsStore();
  if (settings) await store.save(settings);
  render(<OptionsApp store={store} groupsPlatform={{} as GroupsPlatform} now={now} initialTab={initialTab} />);
}

const names = () => screen.getAllByRole('listitem').filter((li) => li.parentElement?.classList.contains('enterprise-list')).map((li) => li.querySelector('h3')?.textContent);
const stored = () => store.load();
const addForm = () => within(screen.getByRole('form', { name: 'Add an enterprise' }));

describe('options page', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('adds a SonarQube Cloud enterprise, checking the key as typed', async () => {
    await renderOptions();
    await screen.findByText(/No enterprise yet/);
    const form = addForm();
    fireEvent.input(form.getByLabelText('Name'), { target: { value: 'Acme' } });
    fireEvent.input(form.getByLabelText('Enterprise key'), { target: { value: 'acme/' } });
    expect(form.getByRole('alert').textContent).toMatch(/trailing slash/);
    fireEvent.click(form.getByRole('button', { name: 'Add' }));
    expect((await stored()).enterprises).toEqual([]);
    fireEvent.input(form.getByLabelText('Enterprise key'), { target: { value: 'acme' } });
    expect(form.queryByRole('alert')).toBeNull();
    fireEvent.click(form.getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await stored()).enterprises).toMatchObject([{ name: 'Acme', key: 'acme', region: 'eu' }]));
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('adds a Devolutions Cloud instance, refusing http and warning about other hosts', async () => {
    await renderOptions();
    await screen.findByText(/No enterprise yet/);
    const form = addForm();
    fireEvent.change(form.getByLabelText('Service'), { target: { value: 'devolutions-cloud' } });
    const url = form.getByLabelText('Instance URL');
    fireEvent.input(url, { target: { value: 'http://acme.devolutions.app' } });
    expect(form.getByRole('alert').textContent).toMatch(/Use https/);
    fireEvent.input(url, { target: { value: 'https://vault.example.com/' } });
    expect(form.getByText(/not a <name>\.devolutions\.app address/)).toBeTruthy();
    fireEvent.input(url, { target: { value: 'https://acme.devolutions.app/' } });
    fireEvent.click(form.getByRole('button', { name: 'Add' }));
    await waitFor(async () =>
      expect((await stored()).enterprises).toMatchObject([{ service: 'devolutions-cloud', url: 'https://acme.devolutions.app', name: 'acme.devolutions.app' }]),
    );
  });

  it('edits an enterprise in place and keeps its checklist', async () => {
    await renderOptions({ ...saved, enterprises: [{ ...saved.enterprises[0]!, checklist: { 'users-invited': { done: true } } } as Settings['enterprises'][number], ...saved.enterprises.slice(1)] });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Acme EU' }));
    const form = within(screen.getByRole('form', { name: 'Edit Acme EU' }));
    fireEvent.change(form.getByLabelText('Region'), { target: { value: 'us' } });
    fireEvent.input(form.getByLabelText('Enterprise key'), { target: { value: 'acme-two' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await stored()).enterprises[0]).toMatchObject({ id: 'a', region: 'us', key: 'acme-two', checklist: { 'users-invited': { done: true } } }),
    );
    expect(names()).toEqual(['Acme EU', 'Acme US', 'Vault']);
  });

  it('keeps the SSO setup that decides the rollout steps: provisioning, Okta Express, Bitbucket Cloud', async () => {
    await renderOptions({ ...saved, enterprises: [{ ...saved.enterprises[0]!, linkCopiedAt: '2025-03-01T00:00:00Z' } as Settings['enterprises'][number], ...saved.enterprises.slice(1)] });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Acme EU' }));
    const form = within(screen.getByRole('form', { name: 'Edit Acme EU' }));
    fireEvent.change(form.getByLabelText('Provisioning'), { target: { value: 'scim' } });
    fireEvent.click(form.getByLabelText("Set up with Okta's Express Configuration"));
    fireEvent.click(form.getByLabelText('Organizations bound to Bitbucket Cloud workspaces'));
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await stored()).enterprises[0]).toMatchObject({ id: 'a', provisioning: 'scim', oktaExpress: true, bitbucketCloud: true, linkCopiedAt: '2025-03-01T00:00:00Z' }),
    );
  });

  it("keeps the SSO setup assistant's values, refusing an ACS that is not a URL", async () => {
    await renderOptions(saved);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Acme EU' }));
    const form = within(screen.getByRole('form', { name: 'Edit Acme EU' }));
    fireEvent.input(form.getByLabelText('Single Sign-On URL'), { target: { value: 'not a url' } });
    expect(form.getByRole('alert').textContent).toContain('Paste the Single Sign-On URL exactly');
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('form', { name: 'Edit Acme EU' })).toBeTruthy();
    fireEvent.input(form.getByLabelText('Single Sign-On URL'), { target: { value: 'https://sonarcloud.io/acs/acme' } });
    fireEvent.input(form.getByLabelText('Entity ID'), { target: { value: 'urn:sonarcloud:acme' } });
    fireEvent.input(form.getByLabelText('Email attribute'), { target: { value: ' email ' } });
    fireEvent.change(form.getByLabelText('Identity provider'), { target: { value: 'entra' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await stored()).enterprises[0]).toMatchObject({
        id: 'a',
        sso: { acsUrl: 'https://sonarcloud.io/acs/acme', entityId: 'urn:sonarcloud:acme', attributes: { email: 'email' }, idp: 'entra' },
      }),
    );
  });

  it('reorders with buttons and with Alt+Arrow keys', async () => {
    await renderOptions(saved);
    fireEvent.click(await screen.findByRole('button', { name: 'Move Vault up' }));
    expect(names()).toEqual(['Acme EU', 'Vault', 'Acme US']);
    expect((screen.getByRole('button', { name: 'Move Acme EU up' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Edit Acme EU' }), { key: 'ArrowDown', altKey: true });
    expect(names()).toEqual(['Vault', 'Acme EU', 'Acme US']);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Edit Acme EU' }), { key: 'ArrowDown' });
    expect(names()).toEqual(['Vault', 'Acme EU', 'Acme US']);
    await waitFor(async () => expect((await stored()).enterprises.map((e) => e.id)).toEqual(['c', 'a', 'b']));
  });

  it('sets the default and removes after confirmation', async () => {
    await renderOptions(saved);
    const radios = await screen.findAllByRole('radio', { name: 'Default' });
    fireEvent.click(radios[1]!);
    await waitFor(async () => expect((await stored()).defaultId).toBe('b'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Acme US' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(names()).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Acme US' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove' }));
    expect(names()).toEqual(['Acme EU', 'Vault']);
    await waitFor(async () => expect((await stored()).defaultId).toBe('a'));
  });

  it('records a Devolutions invitation and shows its expiry', async () => {
    await renderOptions(saved);
    const form = within(await screen.findByRole('form', { name: 'Record an invitation' }));
    fireEvent.input(form.getByLabelText('Who'), { target: { value: 'Dana' } });
    fireEvent.input(form.getByLabelText('Invitation ID / key'), { target: { value: 'INV-9' } });
    fireEvent.input(form.getByLabelText('Sent on'), { target: { value: '2025-03-05' } });
    fireEvent.click(form.getByRole('button', { name: 'Record invitation' }));
    expect(await screen.findByText(/Dana · INV-9 · sent 2025-03-0\d · [12] days? left/)).toBeTruthy();
    await waitFor(async () => {
      const vault = (await stored()).enterprises.find((e) => e.id === 'c');
      expect(vault).toMatchObject({ invitations: [{ who: 'Dana', code: 'INV-9' }] });
    });
  });

  it('turns on open-on-click', async () => {
    await renderOptions(saved);
    fireEvent.click(await screen.findByLabelText(/Open on click/));
    await waitFor(async () => expect((await stored()).openOnClick).toBe(true));
  });

  it('saves an edited invite template and warns when the link is missing', async () => {
    await renderOptions(saved);
    const template = await screen.findByLabelText('Template');
    fireEvent.input(template, { target: { value: 'Hi {enterprise}' } });
    expect(screen.getByText(/no \{link\}/)).toBeTruthy();
    fireEvent.input(template, { target: { value: 'Hi {enterprise}: {link}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(async () => expect((await stored()).inviteTemplate).toBe('Hi {enterprise}: {link}'));
  });

  it('imports a settings file after showing what it holds and what was skipped', async () => {
    await renderOptions(saved);
    const file = new File(['{"enterprises":[{"key":"imported","region":"us"},{"key":"bad key"}]}'], 'team.json', { type: 'application/json' });
    fireEvent.change(await screen.findByLabelText('Import settings…'), { target: { files: [file] } });
    const preview = within(await screen.findByRole('group', { name: 'Import preview' }));
    expect(preview.getByText(/team\.json: 1 enterprise \(imported\)\. Importing replaces your 3 saved enterprises/)).toBeTruthy();
    expect(preview.getByText(/Skipped: Entry 2.*no spaces/)).toBeTruthy();
    fireEvent.click(preview.getByRole('button', { name: 'Replace with the imported settings' }));
    await waitFor(async () => expect((await stored()).enterprises).toMatchObject([{ key: 'imported', region: 'us' }]));
  });

  it('explains a file that cannot be imported and changes nothing', async () => {
    await renderOptions(saved);
    const file = new File(['not json'], 'oops.json');
    fireEvent.change(await screen.findByLabelText('Import settings…'), { target: { files: [file] } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/not JSON/);
    expect((await stored()).enterprises).toHaveLength(3);
  });

  it('exports the settings as a JSON download', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:settings');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await renderOptions(saved);
    fireEvent.click(await screen.findByRole('button', { name: 'Export settings (JSON)' }));
    expect(click).toHaveBeenCalled();
    const exported = JSON.parse(await createObjectURL.mock.calls[0]![0].text());
    expect(exported).toMatchObject({ format: 'sso-lens-settings', version: 2, settings: { defaultId: 'a' } });
    expect(exported.settings.enterprises).toHaveLength(3);
  });

  it('shows the group lists section in its own tab, reachable with arrow keys', async () => {
    await renderOptions(saved);
    const enterprisesTab = screen.getByRole('tab', { name: 'Enterprises' });
    expect(enterprisesTab.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(enterprisesTab, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Group lists' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('Group cache manager here')).toBeTruthy();
  });
});
