// @vitest-environment happy-dom
import { X509Certificate } from 'node:crypto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildResponse, SONAR_ACS } from '@/tests/support/response-builder';
import { b64, postEntry } from '@/tests/support/har-builder';
import { analyzeSaml, analyzeSamlWithTrust } from '@/tests/support/saml-analysis';
import { makeKeys, signXml } from '@/tests/support/xml-signing';
import { idpMetadata } from '@/tests/support/metadata-builder';
import { CertificateTab } from './CertificateTab';

const idp = makeKeys('rsa:2048', { cn: 'panel-cert-idp' });
const rotated = makeKeys('rsa:2048', { cn: 'panel-cert-rotated' });
const signed = (keys = idp) => postEntry(SONAR_ACS, 'SAMLResponse', b64(signXml(buildResponse(), { keys, target: 'assertion' })));
const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint.replaceAll(':', '');

// The view loads the X.509 code on demand: load it once up front, so its first import (slow under the test
// transform on a busy machine, instant from the extension's files) is not counted against each wait.
beforeAll(() => import('@/utils/crypto/signing-certificates'), 30_000);

describe('CertificateTab', () => {
  afterEach(cleanup);

  it('shows the signing certificate as text and downloads its PEM only when asked', async () => {
    const message = analyzeSaml([signed()]).messages[0]!;
    const saveFile = vi.fn();
    render(<CertificateTab message={message} saveFile={saveFile} />);
    const view = await screen.findByTestId('certificate', {}, { timeout: 5_000 });
    expect(view.textContent).toContain('CN=panel-cert-idp');
    expect(view.textContent).toContain(fingerprint(idp.certPem));
    expect(view.textContent).toMatch(/RSA 2048 bits/);
    expect(view.textContent).toMatch(/36[45] days left/);
    expect(view.dataset.match).toBe('not-configured');
    expect(saveFile).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('download-pem'));
    expect(saveFile).toHaveBeenCalledWith(expect.stringMatching(/^panel-cert-idp-[0-9a-f]{8}\.pem$/), expect.stringContaining('-----BEGIN CERTIFICATE-----'), 'application/x-pem-file');
    expect(new X509Certificate(saveFile.mock.calls[0]![1]).fingerprint256).toBe(new X509Certificate(idp.certPem).fingerprint256);
  });

  it("says whether it is the metadata's certificate: a rotated key is named as not the configured one", async () => {
    const metadata = [idpMetadata('https://idp.example/entity', [idp.certPem])];
    const same = (await analyzeSamlWithTrust([signed()], { trust: { metadata } })).messages[0]!;
    render(<CertificateTab message={same} saveFile={vi.fn()} />);
    expect((await screen.findByTestId('certificate', {}, { timeout: 5_000 })).dataset.match).toBe('matches');
    expect(screen.getByTestId('certificate').textContent).toMatch(/Assertion.* verifies/);
    cleanup();
    const other = (await analyzeSamlWithTrust([signed(rotated)], { trust: { metadata } })).messages[0]!;
    render(<CertificateTab message={other} saveFile={vi.fn()} />);
    const view = await screen.findByTestId('certificate', {}, { timeout: 5_000 });
    expect(view.dataset.match).toBe('differs');
    expect(view.textContent).toContain('CN=panel-cert-rotated');
    expect(view.textContent).toContain(`Configured: CN=panel-cert-idp, SHA-1 ${fingerprint(idp.certPem)}`);
  });

  it('renders captured certificate text as text, never markup', async () => {
    const message = analyzeSaml([signed()]).messages[0]!;
    const read = async () => ({
      certificates: [],
      problems: ['<img src=x onerror="document.title=1">'],
    });
    render(<CertificateTab message={message} saveFile={vi.fn()} read={read} />);
    await waitFor(() => expect(screen.getByText(/<img src=x/)).toBeTruthy());
    expect(document.querySelector('img')).toBeNull();
  });
});
