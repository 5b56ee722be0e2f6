import { parseCertificates, type CertificateDetails } from './certificate';
import { parseMetadata, type EntityMetadata } from './metadata';
import { readDecryptionKey, type DecryptionKey } from './private-key';
import type { PreparedTrust } from './signature-types';
import type { TrustMaterial } from './verification';

export interface ReadyTrust extends PreparedTrust {
  entities: EntityMetadata[];
  key?: DecryptionKey;
  errors: string[];
}

// The panel re-analyzes on every new exchange: parse each piece of trust material once.
const prepared = new WeakMap<TrustMaterial, Promise<ReadyTrust>>();

async function prepare(material: TrustMaterial): Promise<ReadyTrust> {
  const errors: string[] = [];
  const certificates: CertificateDetails[] = [];
  const entities: EntityMetadata[] = [];
  const add = (c: CertificateDetails) => {
    if (!certificates.some((k) => k.sha256 === c.sha256)) certificates.push(c);
  };
  for (const [i, xml] of (material.metadata ?? []).entries()) {
    const m = await parseMetadata(xml);
    if (m.error) errors.push(`metadata ${i + 1}: ${m.error}`);
    errors.push(...m.warnings.map((w) => `metadata ${i + 1}: ${w}`));
    for (const e of m.entities) {
      entities.push(e);
      e.signingCertificates.forEach(add);
    }
  }
  for (const [i, text] of (material.certificates ?? []).entries()) {
    try {
      (await parseCertificates(text)).forEach(add);
    } catch (e) {
      errors.push(`certificate ${i + 1}: ${(e as Error).message}`);
    }
  }
  let key: DecryptionKey | undefined;
  if (material.decryptionKey) {
    try {
      key = readDecryptionKey(material.decryptionKey);
    } catch (e) {
      errors.push(`decryption key: ${(e as Error).message}`);
    }
  }
  return { certificates, entities, errors, ...(key ? { key } : {}) };
}

/** Parses trust material (once per object): certificates from metadata and files, and the decryption key. */
export function prepareTrust(material: TrustMaterial): Promise<ReadyTrust> {
  let p = prepared.get(material);
  if (!p) {
    p = prepare(material);
    prepared.set(material, p);
  }
  return p;
}
