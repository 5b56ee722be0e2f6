// SAML metadata (saml-metadata-2.0-os): what an IdP publishes about itself, read for the checks that need a
// trusted source: its entityID, its signing certificates and its SingleSignOnService endpoints.
import { certificateFromDer, type CertificateDetails } from './certificate';
import { readDerBlocks } from './pem';
import { DSIG_NS, MD_NS, childElements, descendants, parseXmlDocument, textOf } from './xml-dom';

export interface Endpoint {
  binding: string;
  location: string;
}

export interface EntityMetadata {
  entityId: string;
  /** The IdP role's signing certificates (KeyDescriptor use="signing" or without use). */
  signingCertificates: CertificateDetails[];
  ssoServices: Endpoint[];
  sloServices: Endpoint[];
  /** The SP role, when the entity has one: its ACS endpoints. */
  acsServices: Endpoint[];
  validUntil?: string;
}

export interface MetadataResult {
  entities: EntityMetadata[];
  /** Problems that did not stop the reading (an unreadable certificate, no IdP role). */
  warnings: string[];
  error?: string;
}

function endpoints(role: Element, name: string): Endpoint[] {
  return childElements(role, MD_NS, name).map((e) => ({ binding: e.getAttribute('Binding') ?? '', location: e.getAttribute('Location') ?? '' }));
}

async function signingCertificates(role: Element, warnings: string[], entityId: string): Promise<CertificateDetails[]> {
  const out: CertificateDetails[] = [];
  for (const kd of childElements(role, MD_NS, 'KeyDescriptor')) {
    const use = kd.getAttribute('use');
    if (use && use !== 'signing') continue;
    for (const node of descendants(kd, DSIG_NS, 'X509Certificate')) {
      for (const block of readDerBlocks(textOf(node))) {
        try {
          const cert = await certificateFromDer(block.der);
          if (!out.some((c) => c.sha256 === cert.sha256)) out.push(cert);
        } catch (e) {
          warnings.push(`${entityId}: a signing certificate cannot be read (${(e as Error).message})`);
        }
      }
    }
  }
  return out;
}

/** Reads an EntityDescriptor, or every one inside an EntitiesDescriptor (federation aggregates). */
export async function parseMetadata(xml: string): Promise<MetadataResult> {
  const parsed = parseXmlDocument(xml);
  if (!parsed.ok) return { entities: [], warnings: [], error: parsed.error };
  const root = parsed.doc.documentElement;
  const descriptors = root.namespaceURI === MD_NS && root.localName === 'EntityDescriptor' ? [root] : descendants(root, MD_NS, 'EntityDescriptor');
  if (!descriptors.length) return { entities: [], warnings: [], error: 'no EntityDescriptor: this is not SAML metadata' };
  const warnings: string[] = [];
  const entities: EntityMetadata[] = [];
  for (const d of descriptors) {
    const entityId = (d.getAttribute('entityID') ?? '').trim();
    const idp = childElements(d, MD_NS, 'IDPSSODescriptor')[0];
    const sp = childElements(d, MD_NS, 'SPSSODescriptor')[0];
    if (!idp && !sp) warnings.push(`${entityId || 'an entity'}: no IDPSSODescriptor or SPSSODescriptor`);
    const validUntil = d.getAttribute('validUntil') ?? undefined;
    entities.push({
      entityId,
      signingCertificates: idp ? await signingCertificates(idp, warnings, entityId) : sp ? await signingCertificates(sp, warnings, entityId) : [],
      ssoServices: idp ? endpoints(idp, 'SingleSignOnService') : [],
      sloServices: idp ? endpoints(idp, 'SingleLogoutService') : [],
      acsServices: sp ? endpoints(sp, 'AssertionConsumerService') : [],
      ...(validUntil ? { validUntil } : {}),
    });
  }
  return { entities, warnings };
}
