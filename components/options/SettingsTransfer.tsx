import { useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings/schema';
import { exportSettings, importSettings } from '@/utils/settings/settings-file';

interface Props {
  settings: Settings;
  onImport(settings: Settings): void;
}

type Pending = { settings: Settings; problems: string[]; fileName: string };

/** Export to a JSON file and import one back, with the file checked before anything is replaced. */
export function SettingsTransfer({ settings, onImport }: Props) {
  const [pending, setPending] = useState<Pending>();
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string }>();

  function download() {
    const blob = new Blob([exportSettings(settings)], { type: 'application/json' });
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
    if (file.size > 1_000_000) return setMessage({ kind: 'error', text: 'This file is over 1 MB: not a settings file.' });
    const result = importSettings(await file.text());
    if (!result.ok) return setMessage({ kind: 'error', text: result.message });
    setMessage(undefined);
    setPending({ settings: result.settings, problems: result.problems, fileName: file.name });
  }

  return (
    <section aria-labelledby="transfer-title">
      <h2 id="transfer-title">Import and export</h2>
      <p class="hint muted">Share the same enterprises with a colleague, or keep a copy. The file holds your enterprise keys and any invitation IDs/keys you recorded: share it only with people who may see them.</p>
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
                onImport(pending.settings);
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
