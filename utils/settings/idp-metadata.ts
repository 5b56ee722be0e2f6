// An enterprise's IdP federation metadata, as the admin gave it (pasted, a file, or fetched from its URL on their
// click): the expected signing certificates, entity ID and sign-in endpoints the signature rules compare with.
// Kept in storage.local, beside the settings and not in them: metadata runs to tens of KB and storage.sync
// allows 8 KB per item.

/** Entra's FederationMetadata.xml is 20-60 KB; federation aggregates are far bigger and belong to no one tenant. */
export const MAX_METADATA_CHARS = 1024 * 1024;

export const IDP_METADATA_VERSION = 1;

export interface MetadataCertificate {
  subject: string;
  sha1: string;
  sha256: string;
  notAfter: string;
}

export interface IdpMetadataRecord {
  enterpriseId: string;
  /** The metadata document itself: the analysis reads its certificates from it. */
  xml: string;
  /** What the options page read from it when it was saved, to list without parsing again. */
  entityIds: string[];
  ssoLocations: string[];
  certificates: MetadataCertificate[];
  source: 'paste' | 'file' | 'url';
  /** The file name or URL it came from. */
  origin?: string;
  savedAt: string;
}

/** Per enterprise id. */
export type IdpMetadataMap = Record<string, IdpMetadataRecord>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

function readCertificate(raw: unknown): MetadataCertificate | undefined {
  if (!isObject(raw)) return undefined;
  const { subject, sha1, sha256, notAfter } = raw;
  if (typeof sha256 !== 'string' || typeof sha1 !== 'string') return undefined;
  return { subject: typeof subject === 'string' ? subject : '', sha1, sha256, notAfter: typeof notAfter === 'string' ? notAfter : '' };
}

/** What storage holds, checked entry by entry: a damaged entry is dropped, never the others. */
export function normalizeIdpMetadata(raw: unknown): IdpMetadataMap {
  const out: IdpMetadataMap = {};
  if (!isObject(raw)) return out;
  for (const [id, entry] of Object.entries(raw)) {
    if (!isObject(entry) || typeof entry.xml !== 'string' || !entry.xml.trim() || entry.xml.length > MAX_METADATA_CHARS) continue;
    out[id] = {
      enterpriseId: id,
      xml: entry.xml,
      entityIds: strings(entry.entityIds),
      ssoLocations: strings(entry.ssoLocations),
      certificates: (Array.isArray(entry.certificates) ? entry.certificates : []).map(readCertificate).filter((c): c is MetadataCertificate => !!c),
      source: entry.source === 'file' || entry.source === 'url' ? entry.source : 'paste',
      ...(typeof entry.origin === 'string' ? { origin: entry.origin } : {}),
      savedAt: typeof entry.savedAt === 'string' ? entry.savedAt : '',
    };
  }
  return out;
}

const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
};

/**
 * The metadata that speaks for a capture: the IdP whose entity ID issued one of its messages, or whose sign-in
 * endpoint one of its requests went to. Another enterprise's IdP is left out, so its certificates never make a
 * sign-in look signed by an unknown certificate.
 */
export function metadataForCapture(
  messages: ReadonlyArray<{ protocol: string; issuer?: string; url?: string; kind?: string }>,
  records: readonly IdpMetadataRecord[],
): IdpMetadataRecord[] {
  if (!records.length) return [];
  const issuers = new Set<string>();
  const hosts = new Set<string>();
  for (const m of messages) {
    if (m.protocol !== 'saml') continue;
    if (m.issuer) issuers.add(m.issuer.trim());
    if (m.url && /Request$/.test(m.kind ?? '')) {
      const host = hostOf(m.url);
      if (host) hosts.add(host);
    }
  }
  return records.filter(
    (r) => r.entityIds.some((id) => issuers.has(id.trim())) || r.ssoLocations.some((l) => {
      const host = hostOf(l);
      return !!host && hosts.has(host);
    }),
  );
}
