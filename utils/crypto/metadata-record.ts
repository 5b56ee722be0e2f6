// What the options page keeps of an IdP metadata document, read once when the admin saves it: the entity IDs,
// sign-in endpoints and signing certificates to list, or why the document cannot serve as trust material.
import type { IdpMetadataMap, MetadataCertificate } from '../settings/idp-metadata';
import { parseMetadata } from './metadata';

export type MetadataReading =
  | { ok: true; entityIds: string[]; ssoLocations: string[]; certificates: MetadataCertificate[]; warnings: string[] }
  | { ok: false; error: string };

export async function readIdpMetadata(xml: string): Promise<MetadataReading> {
  if (!xml.trim()) return { ok: false, error: 'The metadata is empty.' };
  const m = await parseMetadata(xml);
  if (m.error) return { ok: false, error: `This is not usable SAML metadata: ${m.error}.` };
  const idps = m.entities.filter((e) => e.ssoServices.length > 0);
  if (!idps.length) return { ok: false, error: 'No IdP role (IDPSSODescriptor with a SingleSignOnService): this looks like SP metadata. Use the IdP\'s federation metadata.' };
  const certificates: MetadataCertificate[] = [];
  for (const e of idps) {
    for (const c of e.signingCertificates) {
      if (!certificates.some((k) => k.sha256 === c.sha256)) certificates.push({ subject: c.subject, sha1: c.sha1, sha256: c.sha256, notAfter: c.notAfter });
    }
  }
  if (!certificates.length) return { ok: false, error: 'The IdP role has no signing certificate to check signatures with.' };
  return {
    ok: true,
    entityIds: idps.map((e) => e.entityId).filter(Boolean),
    ssoLocations: idps.flatMap((e) => e.ssoServices.map((s) => s.location)).filter(Boolean),
    certificates,
    warnings: m.warnings,
  };
}

/**
 * Imported records (a settings file), each re-read from its own document: what a file lists beside the XML is
 * never taken on trust. Unusable documents are left out, with why, by enterprise id.
 */
export async function rereadIdpMetadata(map: IdpMetadataMap): Promise<{ records: IdpMetadataMap; failed: Array<{ enterpriseId: string; error: string }> }> {
  const records: IdpMetadataMap = {};
  const failed: Array<{ enterpriseId: string; error: string }> = [];
  for (const [id, record] of Object.entries(map)) {
    const r = await readIdpMetadata(record.xml);
    if (!r.ok) failed.push({ enterpriseId: id, error: r.error });
    else records[id] = { ...record, enterpriseId: id, entityIds: r.entityIds, ssoLocations: r.ssoLocations, certificates: r.certificates };
  }
  return { records, failed };
}
