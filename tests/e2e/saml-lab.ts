import { createSigningCredentials } from './certificate';
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
  close(): Promise<void>;
}

export async function startSamlLab(): Promise<SamlLab> {
  const credentials = await createSigningCredentials('sso-lens-e2e-idp');
  let current: Variant = VARIANTS.clean;
  const idp = await startIdp({ credentials, variant: () => current });
  let sp: LocalSp;
  try {
    sp = await startSp({ idp: { ssoUrl: idp.ssoUrl, cert: credentials.cert }, acsStatus: () => current.acsStatus, loop: () => current.loop === true });
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
    close: async () => {
      await Promise.allSettled([idp.close(), sp.close()]);
    },
  };
}
