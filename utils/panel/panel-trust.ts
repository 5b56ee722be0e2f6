// The trust material of one panel analysis: the metadata of the IdPs the capture talks to, and the SP key the
// admin pasted. The same object is handed back while its inputs stay the same, so the crypto step's parse
// cache (keyed by object) keeps working across the re-analyses a live capture causes.
import { metadataForCapture, type IdpMetadataRecord } from '../settings/idp-metadata';
import type { Message } from '../protocols/types';
import type { TrustMaterial } from '../trust/types';

export interface PanelTrustInput {
  metadata: readonly IdpMetadataRecord[];
  decryptionKey?: string;
}

let last: { records: IdpMetadataRecord[]; key?: string; trust: TrustMaterial } | undefined;

export function panelTrust(messages: readonly Message[], input: PanelTrustInput): TrustMaterial | undefined {
  const records = metadataForCapture(messages as ReadonlyArray<Message & { issuer?: string; url?: string }>, input.metadata);
  if (!records.length && !input.decryptionKey) return undefined;
  if (last && last.key === input.decryptionKey && last.records.length === records.length && last.records.every((r, i) => r === records[i])) return last.trust;
  const trust: TrustMaterial = {
    ...(records.length ? { metadata: records.map((r) => r.xml) } : {}),
    ...(input.decryptionKey ? { decryptionKey: input.decryptionKey } : {}),
  };
  last = { records, trust, ...(input.decryptionKey ? { key: input.decryptionKey } : {}) };
  return trust;
}
