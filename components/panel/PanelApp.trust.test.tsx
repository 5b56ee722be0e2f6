// @vitest-environment happy-dom
// The panel's signature checks against the enterprise's IdP metadata, and decryption with a pasted SP key.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Exchange, HarEntry } from '@/utils/har/types';
import type { CaptureSink, CaptureSource } from '@/utils/panel/capture-source';
import type { IdpMetadataMap } from '@/utils/settings/idp-metadata';
import { b64, postEntry } from '@/tests/support/har-builder';
import { idpMetadata } from '@/tests/support/metadata-builder';
import { buildResponse, ENTRA_ISSUER, SONAR_ACS } from '@/tests/support/response-builder';
import { encryptAssertion } from '@/tests/support/xml-encryption';
import { makeKeys, signXml } from '@/tests/support/xml-signing';
import { PanelApp } from './PanelApp';

const idp = makeKeys('rsa:2048', { cn: 'panel-trust-idp' });
const rotated = makeKeys('rsa:2048', { cn: 'panel-trust-rotated' });
const sp = makeKeys('rsa:2048', { cn: 'panel-trust-sp' });

function source() {
  let sink: CaptureSink | undefined;
  const s: CaptureSource = { kind: 'devtools', label: 'test', connect: (k) => ((sink = k), () => (sink = undefined)), clear: async () => {} };
  return { source: s, add: (entries: HarEntry[]) => act(() => sink!.add(entries.map((entry): Exchange => ({ entry, source: 'panel' })), true)) };
}

const metadataStore = (all: IdpMetadataMap) => ({ load: async () => all, watch: () => () => {} });
const record = (certs: string[]): IdpMetadataMap => ({
  e1: {
    enterpriseId: 'e1',
    xml: idpMetadata(ENTRA_ISSUER, certs),
    entityIds: [ENTRA_ISSUER],
    ssoLocations: ['https://login.microsoftonline.com/tenant/saml2'],
    certificates: [],
    source: 'paste',
    savedAt: '2026-11-30T00:00:00.000Z',
  },
});
const signedBy = (keys: typeof idp) => postEntry(SONAR_ACS, 'SAMLResponse', b64(signXml(buildResponse({ issuer: ENTRA_ISSUER }), { keys, target: 'assertion' })));

const settled = () => waitFor(() => expect(screen.queryByTestId('checking-signatures')).toBeNull(), { timeout: 10_000 });
async function openResponse() {
  const row = await screen.findByTestId('message-row');
  fireEvent.click(row);
  // The detail's code loads on demand with the first message.
  await screen.findByRole('tablist', { name: 'Message detail' });
  await settled();
}
const findingRules = () => {
  fireEvent.click(screen.getByTestId('detail-tab-findings'));
  return screen.queryAllByTestId('finding').map((f) => f.dataset.rule);
};

afterEach(cleanup);
// The crypto and certificate-view code load on demand: load them once up front, so their first import (slow
// under the test transform on a busy machine) is not counted against each wait.
beforeAll(() => Promise.all([import('@/utils/crypto/verify-messages'), import('@/utils/crypto/signing-certificates'), import('./CertificateTab')]), 30_000);

describe('panel trust', () => {
  it("shows a rotated certificate as signed-by-unknown-cert against the enterprise's metadata, and the same key as trusted", async () => {
    const { source: s, add } = source();
    render(<PanelApp source={s} idpMetadata={metadataStore(record([idp.certPem]))} />);
    add([signedBy(rotated)]);
    await openResponse();
    expect(findingRules()).toContain('signed-by-unknown-cert');
    fireEvent.click(await screen.findByTestId('detail-tab-certificate'));
    expect((await screen.findByTestId('certificate', {}, { timeout: 5_000 })).dataset.match).toBe('differs');
    cleanup();

    const second = source();
    render(<PanelApp source={second.source} idpMetadata={metadataStore(record([idp.certPem]))} />);
    second.add([signedBy(idp)]);
    await openResponse();
    expect(findingRules()).not.toContain('signed-by-unknown-cert');
    fireEvent.click(await screen.findByTestId('detail-tab-certificate'));
    expect((await screen.findByTestId('certificate', {}, { timeout: 5_000 })).dataset.match).toBe('matches');
  });

  it("leaves another IdP's sign-in alone: its metadata is not this capture's", async () => {
    const { source: s, add } = source();
    const other = record([idp.certPem]);
    other.e1!.entityIds = ['https://other-idp.example/'];
    other.e1!.xml = idpMetadata('https://other-idp.example/', [idp.certPem], 'https://other-idp.example/sso');
    other.e1!.ssoLocations = ['https://other-idp.example/sso'];
    render(<PanelApp source={s} idpMetadata={metadataStore(other)} />);
    add([signedBy(rotated)]);
    await openResponse();
    expect(findingRules()).not.toContain('signed-by-unknown-cert');
  });

  it('decrypts an encrypted assertion with a pasted key held in memory, judges it, and forgets the key', async () => {
    const signed = signXml(buildResponse(), { keys: idp, target: 'assertion' });
    const encrypted = encryptAssertion(signed, { certPem: sp.certPem });
    const { source: s, add } = source();
    const saveFile = vi.fn();
    render(<PanelApp source={s} saveFile={saveFile} />);
    add([postEntry(SONAR_ACS, 'SAMLResponse', b64(encrypted))]);
    await openResponse();
    fireEvent.click(await screen.findByTestId('detail-tab-attributes'));
    expect(screen.getByTestId('decryption-box').textContent).toMatch(/never saved or exported/);
    expect(document.body.textContent).not.toContain('jane.doe@example.com');

    fireEvent.input(screen.getByTestId('decryption-key'), { target: { value: 'not a key' } });
    fireEvent.click(screen.getByTestId('decrypt'));
    expect(screen.getByRole('alert').textContent).toMatch(/not a PEM private key/);

    fireEvent.input(screen.getByTestId('decryption-key'), { target: { value: `pasted:\n${sp.keyPem}` } });
    fireEvent.click(screen.getByTestId('decrypt'));
    await waitFor(() => expect(screen.getByTestId('decryption-status').textContent).toMatch(/^Decrypted 1 of 1/), { timeout: 10_000 });
    await settled();
    fireEvent.click(await screen.findByTestId('detail-tab-attributes'));
    expect(document.body.textContent).toContain('jane.doe@example.com');
    // The key is nowhere in the page once used: the text box is gone with it.
    expect(screen.queryByTestId('decryption-key')).toBeNull();
    expect(document.body.textContent).not.toContain(sp.keyPem.split('\n')[1]!);

    fireEvent.click(screen.getByTestId('forget-key'));
    await waitFor(() => expect(screen.getByTestId('decryption-key')).toBeTruthy(), { timeout: 5_000 });
    await settled();
    fireEvent.click(await screen.findByTestId('detail-tab-attributes'));
    expect(document.body.textContent).not.toContain('jane.doe@example.com');
  });
});
