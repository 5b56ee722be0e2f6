import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readIdpMetadata } from '@/utils/crypto/metadata-record';
import type { IdpMetadataRecord } from '@/utils/settings/idp-metadata';
import { idpMetadata } from '../support/metadata-builder';
import { itLogsNoConsoleProblem } from './console-check';
import { until, type TestPage } from './harness/harness';
import { PANEL } from './panel-page';
import { useLabAndBrowser } from './saml-lab';
import { signInWithVariant } from './sign-in';

// The outage after go-live: the IdP rolls its signing key over and the SP still trusts the old certificate.
// The local IdP signs with a new key; the enterprise's metadata (as the options page stores it) names the old
// one; the real panel must say so. Then the IdP encrypts its assertion, and the admin pastes the SP's key.

const CERTIFICATE = '[data-testid="certificate"]';

async function openResponse(panel: TestPage, tab: 'findings' | 'certificate' | 'attributes'): Promise<void> {
  await until(() => panel.count(`${PANEL.messageRow}[data-kind="Response"]`), (n) => n === 1, 'the Response in the panel');
  await panel.click(`${PANEL.messageRow}[data-kind="Response"]`);
  // The signature results arrive from the crypto code, loaded on demand.
  await panel.waitFor('[data-testid="checking-signatures"]', { gone: true, timeout: 15_000 });
  await panel.click(`[data-testid="detail-tab-${tab}"]`);
}

describe('signatures and decryption in the real panel', () => {
  const setup = useLabAndBrowser({ grantOptional: true });

  it("shows a rotated IdP key as signed-by-unknown-cert against the enterprise's metadata", async () => {
    const { lab, browser } = setup;
    const xml = idpMetadata(lab.idp.entityId, [lab.credentials.cert], lab.idp.ssoUrl);
    const reading = await readIdpMetadata(xml);
    if (!reading.ok) throw new Error(reading.error);
    const record: IdpMetadataRecord = { enterpriseId: 'e2e', xml, ...reading, source: 'paste', savedAt: new Date().toISOString() };
    await browser.extensionCall(
      (r) => (globalThis as unknown as { browser: { storage: { local: { set(v: object): Promise<void> } } } }).browser.storage.local.set({ idpMetadata: { e2e: r } }),
      record,
    );
    const rotated = await lab.rotateIdpKey();

    const signIn = await signInWithVariant(browser, lab, 'clean');
    // The SP still trusts the old certificate: the sign-in fails, as in the field.
    expect(signIn.acsStatus).toBe(401);
    const panel = signIn.panel;
    await openResponse(panel, 'findings');
    await panel.waitFor(`${PANEL.finding}[data-rule="signed-by-unknown-cert"]`);
    const finding = await panel.text(`${PANEL.finding}[data-rule="signed-by-unknown-cert"]`);
    const newSha1 = new X509Certificate(rotated.cert).fingerprint.replaceAll(':', '');
    const oldSha1 = new X509Certificate(lab.credentials.cert).fingerprint.replaceAll(':', '');
    expect(finding).toContain(newSha1);
    expect(finding).toContain(oldSha1);

    await panel.click('[data-testid="detail-tab-certificate"]');
    await panel.waitFor(CERTIFICATE);
    expect(await panel.attributes(CERTIFICATE, 'data-match')).toEqual(['differs']);
    expect(await panel.text(CERTIFICATE)).toContain('CN=sso-lens-e2e-idp-rotated');
    await signIn.panel.close();
    await signIn.tab.close();
  });

  it('decrypts the encrypted assertion with the SP key pasted in the panel, and judges its attributes', async () => {
    const { lab, browser } = setup;
    lab.encryptAssertions(true);
    try {
      const signIn = await signInWithVariant(browser, lab, 'clean');
      const panel = signIn.panel;
      await openResponse(panel, 'attributes');
      await panel.waitFor('[data-testid="decryption-box"]');
      expect(await panel.count(PANEL.attributeValue)).toBe(0);
      await panel.fill('[data-testid="decryption-key"]', lab.spEncryption.key);
      await panel.click('[data-testid="decrypt"]');
      await panel.waitFor('[data-testid="decryption-status"]');
      await until(() => panel.text('[data-testid="decryption-status"]'), (t) => t.startsWith('Decrypted 1 of 1'), 'the decryption');
      await panel.waitFor('[data-testid="checking-signatures"]', { gone: true, timeout: 15_000 });
      await panel.click(PANEL.attributesTab);
      await panel.waitFor(PANEL.attributeValue);
      expect(await panel.texts(PANEL.attributeValue)).toContain('ada@example.test');
      // Nothing of the key stays on screen, and it was never written to storage.
      expect(await panel.count('[data-testid="decryption-key"]')).toBe(0);
      const stored = await browser.extensionCall(async () => {
        const api = (globalThis as unknown as { browser: { storage: Record<'local' | 'sync' | 'session', { get(k: null): Promise<object> }> } }).browser.storage;
        return JSON.stringify([await api.local.get(null), await api.sync.get(null), await api.session.get(null)]);
      });
      expect(stored).not.toContain(lab.spEncryption.key.split('\n')[1]!);
      await signIn.panel.close();
      await signIn.tab.close();
    } finally {
      lab.encryptAssertions(false);
    }
  });

  itLogsNoConsoleProblem(() => [setup.browser]);
});
