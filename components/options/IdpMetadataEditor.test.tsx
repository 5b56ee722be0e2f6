// @vitest-environment happy-dom
import { X509Certificate } from 'node:crypto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { GroupsPlatform } from '@/components/groups/groups-platform';
import { createIdpMetadataStore } from '@/utils/settings/idp-metadata-store';
import { createSettingsStore } from '@/utils/settings/settings-store';
import { idpMetadata } from '@/tests/support/metadata-builder';
import { makeKeys } from '@/tests/support/xml-signing';
import { OptionsApp } from './OptionsApp';

vi.mock('@/components/groups/GroupCacheManager', () => ({ GroupCacheManager: () => <p>Group cache manager here</p> }));

const idp = makeKeys('rsa:2048', { cn: 'options-metadata-idp' });
const ENTITY = 'https://sts.windows.net/options-tenant/';
const METADATA = idpMetadata(ENTITY, [idp.certPem]);
const now = new Date('2026-11-30T12:00:00.000Z');

async function renderOptions(fetchMetadata?: (url: string) => Promise<string>) {
  const store = createSettingsStore();
  await store.save({
    enterprises: [{ id: 'a', service: 'sonarqube-cloud', name: 'Acme', region: 'eu', key: 'acme', provisioning: 'jit', oktaExpress: false, checklist: {} }],
    inviteTemplate: '',
    openOnClick: false,
  });
  const metadata = createIdpMetadataStore();
  render(<OptionsApp store={store} groupsPlatform={{} as GroupsPlatform} now={now} idpMetadata={metadata} {...(fetchMetadata ? { fetchMetadata } : {})} />);
  return { metadata, store };
}

const editor = async () => within(await screen.findByTestId('idp-metadata'));

// The metadata reader loads on demand: load it once up front, so its first import is not counted against each wait.
beforeAll(() => import('@/utils/crypto/metadata-record'), 30_000);
const slow = { timeout: 5_000 };

describe('IdP metadata in the options', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  it('saves pasted metadata for the enterprise in storage.local and lists its signing certificate', async () => {
    const { metadata } = await renderOptions();
    fireEvent.click((await editor()).getByRole('button', { name: 'Add the IdP metadata of Acme' }));
    fireEvent.input(screen.getByTestId('idp-metadata-xml'), { target: { value: METADATA } });
    fireEvent.click(screen.getByRole('button', { name: 'Save metadata' }));
    const sha1 = new X509Certificate(idp.certPem).fingerprint.replaceAll(':', '');
    await waitFor(() => expect(screen.getByTestId('idp-metadata-certificates').textContent).toContain(sha1), slow);
    const stored = (await metadata.load()).a!;
    expect(stored).toMatchObject({ entityIds: [ENTITY], source: 'paste', savedAt: now.toISOString(), xml: METADATA });
    expect(stored.certificates.map((c) => c.sha1)).toEqual([sha1]);
    expect(await fakeBrowser.storage.sync.get('idpMetadata')).toEqual({});
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/IdP metadata saved/), slow);

    fireEvent.click(screen.getByRole('button', { name: 'Remove the IdP metadata of Acme' }));
    await waitFor(async () => expect(await metadata.load()).toEqual({}), slow);
  });

  it('refuses what is not IdP metadata, saying why', async () => {
    await renderOptions();
    fireEvent.click((await editor()).getByRole('button', { name: 'Add the IdP metadata of Acme' }));
    for (const [xml, why] of [
      ['<html>login page</html>', /not usable SAML metadata/],
      [METADATA.replace(/<SingleSignOnService[^>]*>/g, ''), /looks like SP metadata/],
      [idpMetadata(ENTITY, []), /no signing certificate/],
    ] as const) {
      fireEvent.input(screen.getByTestId('idp-metadata-xml'), { target: { value: xml } });
      fireEvent.click(screen.getByRole('button', { name: 'Save metadata' }));
      await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(why), slow);
    }
  });

  it('fetches a metadata URL only when the admin clicks Fetch', async () => {
    const fetchMetadata = vi.fn(async () => METADATA);
    const { metadata } = await renderOptions(fetchMetadata);
    fireEvent.click((await editor()).getByRole('button', { name: 'Add the IdP metadata of Acme' }));
    expect(fetchMetadata).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Or its URL'), { target: { value: 'https://login.example/federationmetadata.xml' } });
    expect(fetchMetadata).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Fetch' }));
    await waitFor(() => expect((screen.getByTestId('idp-metadata-xml') as HTMLTextAreaElement).value).toBe(METADATA), slow);
    expect(fetchMetadata).toHaveBeenCalledWith('https://login.example/federationmetadata.xml');
    fireEvent.click(screen.getByRole('button', { name: 'Save metadata' }));
    await waitFor(async () => expect((await metadata.load()).a).toMatchObject({ source: 'url', origin: 'https://login.example/federationmetadata.xml' }), slow);
  });

  it('travels in the settings export, and an import re-reads it from the document, not from the list beside it', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:settings');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { metadata } = await renderOptions();
    fireEvent.click((await editor()).getByRole('button', { name: 'Add the IdP metadata of Acme' }));
    fireEvent.input(screen.getByTestId('idp-metadata-xml'), { target: { value: METADATA } });
    fireEvent.click(screen.getByRole('button', { name: 'Save metadata' }));
    await waitFor(async () => expect((await metadata.load()).a).toBeDefined(), slow);

    fireEvent.click(screen.getByRole('button', { name: 'Export settings (JSON)' }));
    const exported = JSON.parse(await createObjectURL.mock.calls[0]![0].text());
    expect(exported.idpMetadata.a).toMatchObject({ xml: METADATA, entityIds: [ENTITY] });

    // On another browser: nothing saved yet; the file claims a certificate its document does not hold.
    await metadata.set('a', undefined);
    exported.idpMetadata.a.certificates = [{ subject: 'CN=forged', sha1: '00', sha256: '00', notAfter: '2099-01-01' }];
    const file = new File([JSON.stringify(exported)], 'team.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Import settings…'), { target: { files: [file] } });
    const preview = within(await screen.findByRole('group', { name: 'Import preview' }, slow));
    expect(preview.getByTestId('import-metadata').textContent).toBe('With the IdP metadata of Acme.');
    fireEvent.click(preview.getByRole('button', { name: 'Replace with the imported settings' }));
    const sha1 = new X509Certificate(idp.certPem).fingerprint.replaceAll(':', '');
    await waitFor(async () => expect((await metadata.load()).a?.certificates.map((c) => c.sha1)).toEqual([sha1]), slow);
  });

  it('an imported file whose metadata is not usable imports the settings and says which metadata was skipped', async () => {
    const { metadata } = await renderOptions();
    const file = new File(
      [JSON.stringify({ format: 'sso-lens-settings', version: 2, settings: { enterprises: [{ id: 'a', service: 'sonarqube-cloud', name: 'Acme', region: 'eu', key: 'acme' }] }, idpMetadata: { a: { xml: '<html>login page</html>' } } })],
      'team.json',
    );
    fireEvent.change(await screen.findByLabelText('Import settings…'), { target: { files: [file] } });
    const preview = within(await screen.findByRole('group', { name: 'Import preview' }, slow));
    expect(preview.getByText(/Skipped: the IdP metadata of Acme: This is not usable SAML metadata/)).toBeTruthy();
    expect(preview.queryByTestId('import-metadata')).toBeNull();
    fireEvent.click(preview.getByRole('button', { name: 'Replace with the imported settings' }));
    await waitFor(async () => expect(await metadata.load()).toEqual({}), slow);
  });
});
