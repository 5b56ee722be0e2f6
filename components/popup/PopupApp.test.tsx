// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { b64, fixtureXml, postEntry } from '@/tests/support/har-builder';
import type { RecorderSignIn } from '@/utils/recorder/protocol';
import { judgeSignIn } from '@/utils/recorder/sign-in-verdict';
import type { Settings } from '@/utils/settings/schema';
import { createSettingsStore } from '@/utils/settings/settings-store';
import { browserHost } from '@/entrypoints/popup/browser-host';
import { PopupApp } from './PopupApp';

const now = new Date('2025-03-10T12:00:00.000Z');
/** The checklist's texts load on first use (import()): a loaded machine can take a while the first time. */
const LAZY = { timeout: 10_000 };

const saved: Settings = {
  enterprises: [
    { id: 'eu', service: 'sonarqube-cloud', name: 'Acme EU', region: 'eu', key: 'acme', provisioning: 'jit', oktaExpress: false, checklist: {} },
    { id: 'us', service: 'sonarqube-cloud', name: 'Acme US', region: 'us', key: 'acme-us', provisioning: 'jit', oktaExpress: false, checklist: {} },
    {
      id: 'dvls',
      service: 'devolutions-cloud',
      name: 'Vault',
      url: 'https://acme.devolutions.app',
      invitations: [
        { id: 'i1', who: 'Dana', sentAt: '2025-03-08T12:00:00.000Z', code: 'INV-1 / key K1' },
        { id: 'i2', who: 'Lee', sentAt: '2025-03-01T12:00:00.000Z', code: 'INV-2' },
      ],
    },
  ],
  defaultId: 'us',
  inviteTemplate: 'Join {enterprise}: {link}',
  openOnClick: false,
};

// fakeBrowser has no focused window, so "the active tab of the current window" is stubbed.
function activeTab(id: number) {
  const tabs = fakeBrowser.tabs as unknown as { query: () => Promise<Array<{ id: number }>> };
  vi.spyOn(tabs, 'query').mockResolvedValue([{ id }]);
  return { id };
}

let writeText: ReturnType<typeof vi.fn>;

async function renderPopup(settings?: Settings) {
  const store = createSettingsStore();
  if (settings) await store.save(settings);
  render(<PopupApp host={browserHost} store={store} now={now} />);
  return store;
}

describe('popup', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('adds the first enterprise from two fields, taking the key out of a pasted link', async () => {
    const store = await renderPopup();
    const key = await screen.findByLabelText('Enterprise key');
    fireEvent.input(key, { target: { value: 'https://sonarqube.us/login/sso?enterprise_key=acme-us' } });
    expect(screen.getByRole('alert').textContent).toMatch(/full URL/);
    fireEvent.click(screen.getByRole('button', { name: /Use "acme-us"/ }));
    expect((screen.getByLabelText('Region') as HTMLSelectElement).value).toBe('us');
    fireEvent.click(screen.getByRole('button', { name: 'Add enterprise' }));

    await screen.findByRole('heading', { name: 'acme-us' });
    expect(screen.getByText('https://sonarqube.us/login/sso?enterprise_key=acme-us')).toBeTruthy();
    const stored = await store.load();
    expect(stored.enterprises).toMatchObject([{ key: 'acme-us', region: 'us' }]);
    expect(stored.defaultId).toBe(stored.enterprises[0]?.id);
  });

  it('will not add a key with spaces and says why', async () => {
    const store = await renderPopup();
    fireEvent.input(await screen.findByLabelText('Enterprise key'), { target: { value: 'acme corp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add enterprise' }));
    expect(screen.getByRole('alert').textContent).toMatch(/no spaces.*troubleshooting guide/);
    expect((await store.load()).enterprises).toEqual([]);
  });

  it('lists the default enterprise first', async () => {
    await renderPopup(saved);
    await screen.findByRole('heading', { name: 'Acme US' });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.slice(0, 3)).toEqual(['Acme US', 'Acme EU', 'Vault']);
  });

  it('copies the one-click link, says "Copied", and records it for the checklist', async () => {
    const store = await renderPopup(saved);
    const card = within((await screen.findByRole('heading', { name: 'Acme EU' })).closest('article')!);
    fireEvent.click(card.getByRole('button', { name: 'Copy one-click link' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('https://sonarcloud.io/login/sso?enterprise_key=acme'));
    // Seen on the button, heard from the live region.
    // The name keeps what was copied while the button says so (WCAG 2.5.3: the visible words are in the name).
    const copied = await card.findByRole('button', { name: 'Copied: Copy one-click link' });
    expect(copied.textContent).toBe('✓ Copied');
    const status = card.getAllByRole('status').find((s) => s.textContent === 'Copied')!;
    expect(status).toBeTruthy();
    expect(status.getAttribute('aria-live')).toBe('polite');
    await waitFor(async () => {
      const eu = (await store.load()).enterprises.find((e) => e.id === 'eu');
      expect(eu).toMatchObject({ linkCopiedAt: expect.any(String) });
    });
    fireEvent.click(card.getByRole('button', { name: 'Rollout checklist' }));
    expect(await card.findByText(/Seen by SSO Lens: copied on \d{4}-\d\d-\d\d/, {}, LAZY)).toBeTruthy();
  });

  it('copies the login URL and the invite message built from the template', async () => {
    await renderPopup(saved);
    const card = within((await screen.findByRole('heading', { name: 'Acme US' })).closest('article')!);
    fireEvent.click(card.getByRole('button', { name: 'Copy login URL' }));
    await waitFor(() => expect(writeText).toHaveBeenLastCalledWith('https://sonarqube.us/login/sso'));
    fireEvent.click(card.getByRole('button', { name: 'Copy invite message' }));
    await waitFor(() =>
      expect(writeText).toHaveBeenLastCalledWith('Join Acme US: https://sonarqube.us/login/sso?enterprise_key=acme-us'),
    );
  });

  it('shows the text to copy by hand when the clipboard refuses', async () => {
    writeText.mockRejectedValue(new Error('denied'));
    await renderPopup(saved);
    const card = within((await screen.findByRole('heading', { name: 'Acme US' })).closest('article')!);
    fireEvent.click(card.getByRole('button', { name: 'Copy login URL' }));
    expect(await card.findByText(/Could not copy/)).toBeTruthy();
    expect((card.getByRole('textbox') as HTMLTextAreaElement).value).toBe('https://sonarqube.us/login/sso');
  });

  it('opens the one-click link in a new tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await renderPopup(saved);
    const card = within((await screen.findByRole('heading', { name: 'Acme US' })).closest('article')!);
    fireEvent.click(card.getByRole('button', { name: 'Open' }));
    expect(create).toHaveBeenCalledWith({ url: 'https://sonarqube.us/login/sso?enterprise_key=acme-us' });
  });

  it('opens the Devolutions Cloud instance in a new tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await renderPopup(saved);
    const card = within((await screen.findByRole('heading', { name: 'Vault' })).closest('article')!);
    fireEvent.click(card.getByRole('button', { name: 'Open' }));
    expect(create).toHaveBeenCalledWith({ url: 'https://acme.devolutions.app' });
  });

  it('ticks a checklist step by hand and keeps it', async () => {
    const store = await renderPopup(saved);
    const card = within((await screen.findByRole('heading', { name: 'Acme US' })).closest('article')!);
    fireEvent.click(card.getByRole('button', { name: 'Rollout checklist' }));
    fireEvent.click(await card.findByLabelText('Verify your company’s e-mail domain (during or after the SSO setup)', {}, LAZY));
    expect(await card.findByText(/^1 of 13 steps done/)).toBeTruthy();
    await waitFor(async () => {
      const us = (await store.load()).enterprises.find((e) => e.id === 'us');
      expect(us).toMatchObject({ checklist: { 'domain-verified': { done: true, at: expect.any(String) } } });
    });
    expect(card.getByText(/^Ticked by hand on \d{4}-\d\d-\d\d\.$/)).toBeTruthy();
  });

  it('shows Devolutions Cloud invitations with the days left and flags expired ones', async () => {
    await renderPopup(saved);
    const card = within((await screen.findByRole('heading', { name: 'Vault' })).closest('article')!);
    const items = card.getAllByRole('listitem');
    expect(items[0]?.textContent).toMatch(/Dana.*5 days left/);
    expect(items[1]?.textContent).toMatch(/Lee.*expired 2 days ago/);
    expect(items[1]?.className).toBe('expired');
    fireEvent.click(within(items[0]!).getByRole('button', { name: 'Copy heads-up' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(expect.stringContaining('Devolutions Cloud is sending you an e-mail')));
    expect(writeText.mock.calls[0]?.[0]).toContain('accept it by 2025-03-15');
  });

  it('says when nothing was seen on the tab yet', async () => {
    await renderPopup(saved);
    expect(await screen.findByText(/Nothing yet/)).toBeTruthy();
  });

  it('shows the last sign-in verdict on this tab and opens the SAML panel for it', async () => {
    const tab = activeTab(41);
    await fakeBrowser.storage.session.set({
      [`verdict:${tab.id}`]: {
        worst: 'error',
        topFinding: { rule: 'audience-mismatch', severity: 'error', message: '<b>Audience</b> is wrong' },
        at: '2025-03-10T11:00:00.000Z',
        flows: 1,
      },
    });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await renderPopup(saved);
    expect(await screen.findByText('Sign-in has errors')).toBeTruthy();
    // Captured text stays text.
    expect(screen.getByText('<b>Audience</b> is wrong')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'See the details in the SAML panel' }));
    expect(create).toHaveBeenCalledWith({ url: `chrome-extension://test-extension-id/panel.html?tab=${tab.id}` });
  });

  it('judges the sign-in the recorder saw on this tab when the popup opens, and keeps the verdict', async () => {
    const tab = activeTab(43);
    // Entra ID response without an e-mail claim, posted to SonarQube Cloud.
    const response = postEntry('https://sonarcloud.io/oauth2/callback/saml', 'SAMLResponse', b64(fixtureXml('entra/netsaml2-issue-49-response.xml')), { status: 302 });
    const signIn: RecorderSignIn = { seq: 3, entries: [response], flows: 1 };
    const ask = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(signIn as never);
    // The engine's worker, as the browser would run it (happy-dom has no workers).
    class EngineWorker {
      onmessage?: (event: { data: unknown }) => void;
      postMessage(data: RecorderSignIn) {
        setTimeout(() => this.onmessage?.({ data: judgeSignIn(data) }));
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', EngineWorker);
    await renderPopup(saved);
    expect(await screen.findByText('Sign-in has errors')).toBeTruthy();
    expect(screen.getByText('destination-mismatch')).toBeTruthy();
    expect(ask).toHaveBeenCalledWith({ type: 'recorder:get-sign-in', tabId: tab.id });
    expect(await fakeBrowser.storage.session.get(`verdict:${tab.id}`)).toMatchObject({ [`verdict:${tab.id}`]: { worst: 'error', captureSeq: 3 } });
  });

  it('ticks "clean test sign-in" for the enterprise in the region of a clean captured sign-in', async () => {
    const tab = activeTab(42);
    await fakeBrowser.storage.session.set({ [`verdict:${tab.id}`]: { worst: 'ok', at: now.toISOString(), flows: 1, host: 'sonarqube.us' } });
    await renderPopup(saved);
    await screen.findByText('Sign-in looks fine');
    const us = within((await screen.findByRole('heading', { name: 'Acme US' })).closest('article')!);
    const eu = within(screen.getByRole('heading', { name: 'Acme EU' }).closest('article')!);
    fireEvent.click(us.getByRole('button', { name: 'Rollout checklist' }));
    fireEvent.click(eu.getByRole('button', { name: 'Rollout checklist' }));
    expect(await us.findByText('Seen by SSO Lens: a clean sign-in was captured on 2025-03-10.', {}, LAZY)).toBeTruthy();
    expect(us.getByText(/^1 of 13 steps done/)).toBeTruthy();
    expect(await eu.findByText(/^0 of 13 steps done/, {}, LAZY)).toBeTruthy();
  });

  it('ticks "groups exist" from a sign-in whose groups all matched the cached lists, in that region only', async () => {
    const tab = activeTab(43);
    await fakeBrowser.storage.session.set({ [`verdict:${tab.id}`]: { worst: 'error', at: now.toISOString(), flows: 1, host: 'sonarcloud.io', groupsMatch: true } });
    await renderPopup(saved);
    await screen.findByText(/Sign-in has errors/);
    const eu = within(screen.getByRole('heading', { name: 'Acme EU' }).closest('article')!);
    const us = within(screen.getByRole('heading', { name: 'Acme US' }).closest('article')!);
    fireEvent.click(us.getByRole('button', { name: 'Rollout checklist' }));
    fireEvent.click(eu.getByRole('button', { name: 'Rollout checklist' }));
    expect(await eu.findByText(/^Seen by SSO Lens: every group of the captured sign-in exists/, {}, LAZY)).toBeTruthy();
    expect(eu.getByText(/^1 of 13 steps done/)).toBeTruthy();
    expect(await us.findByText(/^0 of 13 steps done/, {}, LAZY)).toBeTruthy();
  });
});
