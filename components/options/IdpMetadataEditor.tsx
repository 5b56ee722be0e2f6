import { useRef, useState } from 'preact/hooks';
import type { MetadataReading } from '@/utils/crypto/metadata-record';
import { MAX_METADATA_CHARS, type IdpMetadataRecord } from '@/utils/settings/idp-metadata';

export interface IdpMetadataEditorProps {
  enterpriseId: string;
  enterpriseName: string;
  record: IdpMetadataRecord | undefined;
  now: Date;
  onSave(record: IdpMetadataRecord | undefined): void | Promise<void>;
  /**
   * Fetches the metadata URL: asks for that host's optional permission at the admin's click, then reads it.
   * Absent where the page cannot (tests); the paste and file ways remain.
   */
  fetchUrl?(url: string): Promise<string>;
  /** The metadata reader, loaded on demand (the X.509 code stays out of the page's first load). */
  read?(xml: string): Promise<MetadataReading>;
}

const readOnDemand = (xml: string) => import('@/utils/crypto/metadata-record').then((m) => m.readIdpMetadata(xml));

/** The expected IdP signing certificates of one enterprise: the panel checks signatures against them. */
export function IdpMetadataEditor({ enterpriseId, enterpriseName, record, now, onSave, fetchUrl, read = readOnDemand }: IdpMetadataEditorProps) {
  const [editing, setEditing] = useState(false);
  const [xml, setXml] = useState('');
  const [url, setUrl] = useState('');
  const [from, setFrom] = useState<{ source: IdpMetadataRecord['source']; origin?: string }>({ source: 'paste' });
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const id = `idp-metadata-${enterpriseId}`;

  const take = (text: string, source: IdpMetadataRecord['source'], origin?: string) => {
    if (text.length > MAX_METADATA_CHARS) return setProblem(`That is ${Math.round(text.length / 1024)} KB: IdP metadata over 1 MB (a federation aggregate?) is not kept. Use your IdP's own metadata.`);
    setXml(text);
    setFrom(origin ? { source, origin } : { source });
    setProblem('');
  };

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      const r = await read(xml);
      if (!r.ok) return setProblem(r.error);
      await onSave({
        enterpriseId,
        xml,
        entityIds: r.entityIds,
        ssoLocations: r.ssoLocations,
        certificates: r.certificates,
        ...from,
        savedAt: now.toISOString(),
      });
      setEditing(false);
      setXml('');
      setProblem('');
    } finally {
      setBusy(false);
    }
  }

  async function fetchIt() {
    if (!fetchUrl) return;
    let parsed: URL;
    try {
      parsed = new URL(url.trim());
    } catch {
      return setProblem('Enter the full metadata URL, starting with https://');
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return setProblem('The metadata URL must start with https://');
    setBusy(true);
    try {
      take(await fetchUrl(parsed.href), 'url', parsed.href);
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="idp-metadata" data-testid="idp-metadata">
      <h4 id={`${id}-title`}>IdP metadata</h4>
      {record ? (
        <>
          <p>
            Signatures of {record.entityIds.join(', ') || 'this IdP'} are checked against {record.certificates.length}{' '}
            {record.certificates.length === 1 ? 'signing certificate' : 'signing certificates'}:
          </p>
          <ul data-testid="idp-metadata-certificates">
            {record.certificates.map((c) => {
              const expired = Date.parse(c.notAfter) < now.getTime();
              return (
                <li key={c.sha256}>
                  {c.subject || '(no subject)'} · SHA-1 <code>{c.sha1}</code> · {expired ? 'expired' : 'valid to'} {c.notAfter.slice(0, 10)}
                </li>
              );
            })}
          </ul>
          <p class="hint muted">
            Saved {record.savedAt.slice(0, 10)} {record.source === 'paste' ? '(pasted)' : `from ${record.origin ?? record.source}`}. Kept in this
            browser only (not synced, not in the settings file).
          </p>
        </>
      ) : (
        !editing && <p class="hint muted">None: signatures are checked against the certificate the message carries, which proves integrity, not origin.</p>
      )}
      {editing ? (
        <form aria-labelledby={`${id}-title`} onSubmit={(e) => void save(e)}>
          <label for={`${id}-xml`}>Federation metadata XML (Entra: App Federation Metadata; Okta: Identity Provider metadata)</label>
          <textarea id={`${id}-xml`} data-testid="idp-metadata-xml" rows={5} spellcheck={false} value={xml} onInput={(e) => take(e.currentTarget.value, 'paste')} />
          <div class="row">
            <button type="button" onClick={() => picker.current?.click()}>
              Choose a metadata file…
            </button>
            <input
              ref={picker}
              type="file"
              hidden
              accept=".xml,application/xml,text/xml"
              aria-label={`Choose the IdP metadata file for ${enterpriseName}`}
              data-testid="idp-metadata-file"
              onChange={(e) => {
                const el = e.currentTarget as HTMLInputElement;
                const file = el.files?.[0];
                el.value = '';
                if (file) void file.text().then((text) => take(text, 'file', file.name));
              }}
            />
          </div>
          {fetchUrl && (
            <div class="row">
              <label for={`${id}-url`}>Or its URL</label>
              <input id={`${id}-url`} type="url" class="grow" value={url} placeholder="https://login.microsoftonline.com/…/federationmetadata.xml" onInput={(e) => setUrl(e.currentTarget.value)} />
              <button type="button" disabled={busy || !url.trim()} onClick={() => void fetchIt()}>
                Fetch
              </button>
            </div>
          )}
          {fetchUrl && <p class="hint muted">Fetch asks your permission for that one host, then reads the URL once. Nothing else is sent.</p>}
          {problem && (
            <p class="error-text" role="alert">
              {problem}
            </p>
          )}
          <div class="row">
            <button type="submit" class="primary" disabled={busy || !xml.trim()}>
              Save metadata
            </button>
            <button
              type="button"
              onClick={() => {
                setEditing(false);
                setXml('');
                setProblem('');
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div class="row">
          <button type="button" data-testid="idp-metadata-edit" aria-label={`${record ? 'Replace' : 'Add'} the IdP metadata of ${enterpriseName}`} onClick={() => setEditing(true)}>
            {record ? 'Replace metadata' : 'Add IdP metadata'}
          </button>
          {record && (
            <button type="button" aria-label={`Remove the IdP metadata of ${enterpriseName}`} onClick={() => void onSave(undefined)}>
              Remove metadata
            </button>
          )}
        </div>
      )}
    </div>
  );
}
