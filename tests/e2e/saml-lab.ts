import { createPublicKey } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { createSigningCredentials, type SigningCredentials } from './certificate';
import { launch, type ExtensionBrowser, type LaunchOptions } from './harness/harness';
import { startIdp, type LocalIdp } from './idp';
import { startSp, type LocalSp } from './sp';
import { VARIANTS, type Variant, type VariantName } from './variants';

/** A local IdP and SP that trust each other, on 127.0.0.1, with a key made for this run. */
export interface SamlLab {
  idp: LocalIdp;
  sp: LocalSp;
  /** What the next sign-in produces. */
  use(variant: VariantName): Variant;
  /** The URL a browser opens to start a sign-in with the current variant. */
  startUrl(): string;
  /** The key pair the IdP was started with: what its metadata and the SP trust. */
  credentials: SigningCredentials;
  /** The SP's encryption key pair (the SP decrypts with it). */
  spEncryption: SigningCredentials;
  /** The IdP signs with a new key from now on (as after a certificate rollover the SP did not follow). */
  rotateIdpKey(): Promise<SigningCredentials>;
  /** Assertions are encrypted to the SP's certificate from now on (or not, with false). */
  encryptAssertions(on: boolean): void;
  close(): Promise<void>;
}

export async function startSamlLab(): Promise<SamlLab> {
  const [credentials, spEncryption] = await Promise.all([createSigningCredentials('sso-lens-e2e-idp'), createSigningCredentials('sso-lens-e2e-sp')]);
  let signing = credentials;
  let encrypt = false;
  const encryptTo = { cert: spEncryption.cert, publicKey: createPublicKey(spEncryption.cert).export({ type: 'spki', format: 'pem' }).toString() };
  let current: Variant = VARIANTS.clean;
  const idp = await startIdp({ credentials: () => signing, variant: () => current, encryptTo: () => (encrypt ? encryptTo : undefined) });
  let sp: LocalSp;
  try {
    sp = await startSp({
      idp: { ssoUrl: idp.ssoUrl, cert: credentials.cert },
      acsStatus: () => current.acsStatus,
      loop: () => current.loop === true,
      decryptionKey: spEncryption.key,
    });
  } catch (error) {
    await idp.close();
    throw error;
  }
  idp.registerServiceProvider({ entityId: sp.entityId, acsUrl: sp.acsUrl });
  return {
    idp,
    sp,
    use(name) {
      current = VARIANTS[name];
      return current;
    },
    startUrl: () => (current.idpInitiated ? idp.idpInitiatedUrl : sp.loginUrl),
    credentials,
    spEncryption,
    async rotateIdpKey() {
      signing = await createSigningCredentials('sso-lens-e2e-idp-rotated');
      return signing;
    },
    encryptAssertions(on) {
      encrypt = on;
    },
    close: async () => {
      await Promise.allSettled([idp.close(), sp.close()]);
    },
  };
}

/** What a scenario file signs in with: read its fields inside tests and hooks, once the lab and browser started. */
export interface LabAndBrowser {
  readonly lab: SamlLab;
  /** One browser for the whole file, one tab per sign-in: launching one per test would double the run time. */
  readonly browser: ExtensionBrowser;
}

/**
 * Starts the lab, then the browser, before the tests of the enclosing describe block, and closes both after
 * them. Call it where the hooks belong (at the top of the describe block).
 */
export function useLabAndBrowser(options: LaunchOptions): LabAndBrowser {
  let lab: SamlLab | undefined;
  let browser: ExtensionBrowser | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: read it inside a test or a hook`);
    return value;
  };
  beforeAll(async () => {
    lab = await startSamlLab();
    browser = await launch(options);
  });
  afterAll(async () => {
    await browser?.close();
    await lab?.close();
  });
  return {
    get lab() {
      return started(lab, 'the SAML lab');
    },
    get browser() {
      return started(browser, 'the browser');
    },
  };
}
