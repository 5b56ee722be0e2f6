// The IdP metadata of each enterprise in storage.local (see idp-metadata.ts for why not in the settings).
import { storage } from 'wxt/utils/storage';
import { IDP_METADATA_VERSION, normalizeIdpMetadata, type IdpMetadataMap, type IdpMetadataRecord } from './idp-metadata';

export interface IdpMetadataStore {
  load(): Promise<IdpMetadataMap>;
  /** Saves one enterprise's metadata, or removes it (undefined). */
  set(enterpriseId: string, record: IdpMetadataRecord | undefined): Promise<IdpMetadataMap>;
  watch(callback: (all: IdpMetadataMap) => void): () => void;
}

export function createIdpMetadataStore(): IdpMetadataStore {
  // Versioned from the start, so a later shape migrates what this one saved.
  const item = storage.defineItem<IdpMetadataMap>('local:idpMetadata', { version: IDP_METADATA_VERSION, fallback: {} });
  const load = async () => normalizeIdpMetadata(await item.getValue());
  return {
    load,
    async set(enterpriseId, record) {
      const all = await load();
      if (record) all[enterpriseId] = { ...record, enterpriseId };
      else delete all[enterpriseId];
      await item.setValue(all);
      return all;
    },
    watch(callback) {
      return item.watch((value) => callback(normalizeIdpMetadata(value)));
    },
  };
}
