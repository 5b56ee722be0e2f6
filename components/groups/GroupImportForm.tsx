import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { importGroupList } from '@/utils/groups/import-group-list';
import type { ImportFormat } from '@/utils/groups/imported-groups';
import type { GroupRegion } from '@/utils/groups/schema';
import type { CachedOrganization, GroupStore } from '@/utils/groups/store';
import { RegionSelect } from './RegionSelect';

export interface ImportPrefill {
  organization: string;
  region: GroupRegion;
  nonce: number;
}

type Status = { kind: 'ok'; text: string; warnings: string[] } | { kind: 'error'; text: string } | undefined;

const FORMATS: Array<{ value: ImportFormat | 'auto'; label: string }> = [
  { value: 'auto', label: 'Detect' },
  { value: 'paste', label: 'One name per line' },
  { value: 'csv', label: 'CSV' },
  { value: 'api-json', label: 'API JSON (user_groups/search)' },
];

// Larger files are not group lists; refusing them keeps the page responsive.
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function GroupImportForm(props: { store: GroupStore | undefined; prefill?: ImportPrefill; onSaved(org: CachedOrganization): void }) {
  const id = useId();
  const [organization, setOrganization] = useState('');
  const [region, setRegion] = useState<GroupRegion>('eu');
  const [format, setFormat] = useState<ImportFormat | 'auto'>('auto');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const textArea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!props.prefill) return;
    setOrganization(props.prefill.organization);
    setRegion(props.prefill.region);
    setStatus(undefined);
    textArea.current?.focus();
  }, [props.prefill]);

  async function readFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setStatus({ kind: 'error', text: `${file.name} is ${Math.round(file.size / 1048576)} MB; a group list should be far smaller.` });
      return;
    }
    try {
      setText(await file.text());
      setFileName(file.name);
      setStatus(undefined);
    } catch (error) {
      setStatus({ kind: 'error', text: `Could not read ${file.name}: ${(error as Error).message}` });
    }
  }

  async function save() {
    if (!props.store) return setStatus({ kind: 'error', text: 'The group cache is not available; see the message above.' });
    if (!text.trim()) return setStatus({ kind: 'error', text: 'Paste group names or choose a file first.' });
    let result;
    try {
      result = importGroupList(text, { format: format === 'auto' ? undefined : format, fileName });
    } catch (error) {
      return setStatus({ kind: 'error', text: (error as Error).message });
    }
    const org = organization.trim() || result.organization || '';
    if (!org) return setStatus({ kind: 'error', text: 'Enter the organization key these groups belong to.' });
    if (!result.groups.length) return setStatus({ kind: 'error', text: 'No group names found in the input.' });
    setSaving(true);
    try {
      const saved = await props.store.replaceOrganization({ organization: org, region, source: result.format }, result.groups);
      const duplicates = result.duplicates.length ? ` (${result.duplicates.length} duplicate name(s) kept once)` : '';
      setStatus({
        kind: 'ok',
        text: `Cached ${saved.groupCount} groups of ${org} (${region.toUpperCase()}) from ${describeFormat(result.format)}${duplicates}.`,
        warnings: result.warnings,
      });
      setText('');
      setFileName(undefined);
      props.onSaved(saved);
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      class="groups-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 id={`${id}-title`}>Import a list</h3>
      <p class="groups-hint">Paste one group name per line, or choose a CSV or the JSON saved from api/user_groups/search (one page or an array of pages).</p>
      <div class="groups-fields">
        <label>
          Organization key
          <input value={organization} onInput={(e) => setOrganization(e.currentTarget.value)} placeholder="my-org" spellcheck={false} />
        </label>
        <RegionSelect value={region} onChange={setRegion} disabled={saving} />
        <label>
          Format
          <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ImportFormat | 'auto')}>
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          File
          <input type="file" accept=".txt,.csv,.json,text/plain,text/csv,application/json" onChange={(e) => void readFile(e.currentTarget.files?.[0])} />
        </label>
      </div>
      <label class="groups-block">
        Group names{fileName ? ` (from ${fileName})` : ''}
        <textarea
          ref={textArea}
          rows={6}
          value={text}
          spellcheck={false}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setFileName(undefined);
          }}
        />
      </label>
      <div class="groups-actions">
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save to cache'}
        </button>
      </div>
      {status?.kind === 'ok' && (
        <div role="status" class="groups-ok">
          <p>{status.text}</p>
          {status.warnings.map((w) => (
            <p key={w} class="groups-warning">
              {w}
            </p>
          ))}
        </div>
      )}
      {status?.kind === 'error' && (
        <p role="alert" class="groups-error">
          {status.text}
        </p>
      )}
    </form>
  );
}

function describeFormat(format: ImportFormat): string {
  return format === 'api-json' ? 'the API JSON' : format === 'csv' ? 'the CSV' : 'the list';
}
