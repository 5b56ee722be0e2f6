import { useState } from 'preact/hooks';
import type { IdpMetadataMap } from '@/utils/settings/idp-metadata';
import type { Settings } from '@/utils/settings/schema';
import { exportSettings, importSettings, MAX_SETTINGS_FILE_BYTES } from '@/utils/settings/settings-file';

interface Props {
  settings: Settings;
  /** The enterprises' IdP metadata (this browser's), exported with them. */
  metadata?: IdpMetadataMap;
  /** `metadata` is what the file brought, re-read; undefined when this page keeps no metadata. */
  onImport(settings: Settings, metadata?: IdpMetadataMap): void;
}

type Pending = { settings: Settings; problems: string[]; fileName: string; metadata: IdpMetadataMap };

// The certificate reading runs only when a file brings metadata.
const rereadOnDemand = (map: IdpMetadataMap) => import('@/utils/crypto/metadata-record').then((m) => m.rereadIdpMetadata(map));

const nameOf = (settings: Settings, id: string) => settings.enterprises.find((e) => e.id === id)?.name ?? id;

/** Export to a JSON file and import one back, with the file checked before anything is replaced. */
export function SettingsTransfer({ settings, metadata, onImport }: Props) {
  const [pending, setPending] = useState<Pending>();
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string }>();

  function download() {
    const blob = new Blob([exportSettings(settings, new Date(), metadata)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'sso-lens-settings.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setMessage({ kind: 'ok', text: 'Exported sso-lens-settings.json.' });
  }

  async function read(file: File | undefined) {
    setPending(undefined);
    if (!file) return;
    if (file.size > MAX_SETTINGS_FILE_BYTES) {
      return setMessage({ kind: 'error', text: `This file is over ${MAX_SETTINGS_FILE_BYTES / 1024 / 1024} MB: not a settings file.` });
    }
    const result = importSettings(await file.text());
    if (!result.ok) return setMessage({ kind: 'error', text: result.message });
    const problems = [...result.problems];
    let imported: IdpMetadataMap = {};
    if (Object.keys(result.idpMetadata).length) {
      const { records, failed } = await rereadOnDemand(result.idpMetadata);
      imported = records;
      for (const f of failed) problems.push(`the IdP metadata of ${nameOf(result.settings, f.enterpriseId)}: ${f.error}`);
    }
    setMessage(undefined);
    setPending({ settings: result.settings, problems, fileName: file.name, metadata: imported });
  }

  return (
    <section aria-labelledby="transfer-title">
      <h2 id="transfer-title">Import and export</h2>
      <p class="hint muted">
        Share the same enterprises with a colleague, or keep a copy. The file holds your enterprise keys, any invitation
        IDs/keys you recorded and the IdP metadata you saved: share it only with people who may see them.
      </p>
      <div class="row">
        <button type="button" onClick={download} disabled={!settings.enterprises.length}>
          Export settings (JSON)
        </button>
        <label class="file-button">
          <span>Import settings…</span>
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              void read(e.currentTarget.files?.[0]);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {message && (
        <p class={`hint ${message.kind === 'error' ? 'error-text' : 'ok-text'}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {pending && (
        <div class="card import-preview" role="group" aria-label="Import preview">
          <p>
            {pending.fileName}: {pending.settings.enterprises.length} enterprise
            {pending.settings.enterprises.length === 1 ? '' : 's'} (
            {pending.settings.enterprises.map((e) => e.name).join(', ')}). Importing replaces your{' '}
            {settings.enterprises.length} saved enterprise{settings.enterprises.length === 1 ? '' : 's'}.
          </p>
          {Object.keys(pending.metadata).length > 0 && (
            <p data-testid="import-metadata">
              With the IdP metadata of {Object.keys(pending.metadata).map((id) => nameOf(pending.settings, id)).join(', ')}.
            </p>
          )}
          {pending.problems.length > 0 && (
            <ul class="warning-text">
              {pending.problems.map((p) => (
                <li key={p}>Skipped: {p}</li>
              ))}
            </ul>
          )}
          <div class="row">
            <button
              type="button"
              class="primary"
              onClick={() => {
                onImport(pending.settings, metadata ? pending.metadata : undefined);
                setMessage({ kind: 'ok', text: `Imported ${pending.settings.enterprises.length} enterprise(s).` });
                setPending(undefined);
              }}
            >
              Replace with the imported settings
            </button>
            <button type="button" onClick={() => setPending(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
