import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import type { SamlLab } from './saml-lab';
import type { VariantName } from './variants';

/** HAR files of each run, kept as artifacts (gitignored) for anyone debugging a failure. */
export const HAR_DIR = resolve(import.meta.dirname, '../../test-results/e2e-har');

export interface CapturedSignIn {
  variant: VariantName;
  /** The HTTP status the browser got from the SP's ACS. */
  acsStatus: number;
  /** The size of the form body the browser posted to the ACS, in bytes. */
  acsBodyBytes: number;
  harPath: string;
  harText: string;
}

/**
 * Signs in as a user would, in Chromium with the extension loaded: SP-initiated (SP /login → IdP form →
 * click "Sign in" → auto-posted Response) or, for the unsolicited variant, from the IdP's own start page.
 * The browser records a HAR of everything it exchanged; `during` runs with the browser still open, which is
 * where assertions on extension pages (recorder, panel) belong.
 */
export async function signInWithVariant(
  lab: SamlLab,
  variant: VariantName,
  extensionPath: string,
  during?: (browser: ExtensionBrowser) => Promise<void>,
): Promise<CapturedSignIn> {
  const settings = lab.use(variant);
  await mkdir(HAR_DIR, { recursive: true });
  const harPath = join(HAR_DIR, `${variant}.har`);
  const browser = await launchWithExtension({ extensionPath, harPath });
  let acsStatus: number;
  let acsBodyBytes: number;
  try {
    const page = await browser.context.newPage();
    const acsResponse = page.waitForResponse(
      (r) => r.url() === lab.sp.acsUrl && r.request().method() === 'POST',
      { timeout: 15_000 },
    );
    await page.goto(lab.startUrl());
    if (!settings.idpInitiated) {
      await page.waitForURL((url) => url.href.startsWith(lab.idp.ssoUrl));
      await page.click('#sign-in');
    }
    const response = await acsResponse;
    acsStatus = response.status();
    acsBodyBytes = Buffer.byteLength(response.request().postData() ?? '');
    await page.waitForLoadState('load');
    if (during) await during(browser);
  } finally {
    // Closing the context is what writes the HAR.
    await browser.close();
  }
  return { variant, acsStatus, acsBodyBytes, harPath, harText: await readFile(harPath, 'utf8') };
}
