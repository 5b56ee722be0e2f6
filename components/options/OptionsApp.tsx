import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { GroupCacheManager } from '@/components/groups/GroupCacheManager';
import type { GroupsPlatform } from '@/components/groups/groups-platform';
import { moveEnterprise, removeEnterprise, setDefaultEnterprise, upsertEnterprise } from '@/utils/settings/edit-settings';
import { initialOptionsState, optionsReducer, type OptionsTab } from '@/utils/settings/options-state';
import type { Settings } from '@/utils/settings/schema';
import type { SettingsStore } from '@/utils/settings/settings-store';
import type { IdpMetadataMap, IdpMetadataRecord } from '@/utils/settings/idp-metadata';
import type { IdpMetadataStore } from '@/utils/settings/idp-metadata-store';
import { EnterpriseForm } from './EnterpriseForm';
import { EnterpriseList } from './EnterpriseList';
import { InviteTemplateEditor } from './InviteTemplateEditor';
import { SettingsTransfer } from './SettingsTransfer';

const TABS = [
  { id: 'enterprises', label: 'Enterprises' },
  { id: 'groups', label: 'Group lists' },
] as const satisfies ReadonlyArray<{ id: OptionsTab; label: string }>;

interface Props {
  /** The stored settings (browser storage, from the entrypoint). */
  store: SettingsStore;
  /** The browser services the group lists use (from the entrypoint). */
  groupsPlatform: GroupsPlatform;
  now?: Date;
  initialTab?: OptionsTab;
  /** Each enterprise's IdP metadata (storage.local, from the entrypoint). */
  idpMetadata?: IdpMetadataStore;
  /** Reads a metadata URL after asking for its host's optional permission (from the entrypoint). */
  fetchMetadata?(url: string): Promise<string>;
}

export function OptionsApp({ store, groupsPlatform, now = new Date(), initialTab = 'enterprises', idpMetadata, fetchMetadata }: Props) {
  const [metadata, setMetadata] = useState<IdpMetadataMap>({});
  const [{ tab, settings, loadError, status }, dispatch] = useReducer(optionsReducer, initialTab, initialOptionsState);
  const setTab = (next: OptionsTab) => dispatch({ type: 'tab', tab: next });
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  useEffect(() => {
    store.load().then(
      (loaded) => dispatch({ type: 'loaded', settings: loaded }),
      (error: Error) => dispatch({ type: 'load-failed', message: error.message }),
    );
    // The popup edits the checklist too; keep this page current.
    return store.watch((changed) => dispatch({ type: 'changed-elsewhere', settings: changed }));
  }, [store]);

  useEffect(() => {
    if (!idpMetadata) return;
    idpMetadata.load().then(setMetadata, () => {});
    return idpMetadata.watch(setMetadata);
  }, [idpMetadata]);

  async function saveMetadata(id: string, record: IdpMetadataRecord | undefined) {
    if (!idpMetadata) return;
    try {
      setMetadata(await idpMetadata.set(id, record));
      dispatch({ type: 'status', status: record ? 'IdP metadata saved in this browser.' : 'IdP metadata removed.' });
    } catch (error) {
      dispatch({ type: 'save-failed', message: (error as Error).message });
    }
  }

  /**
   * An import replaces the enterprises; their metadata follows: the file's where it has some, this browser's
   * where it has none for the same enterprise, and the metadata of enterprises gone with the import is removed.
   */
  async function importSettingsAndMetadata(next: Settings, imported: IdpMetadataMap | undefined) {
    await save(next);
    if (!idpMetadata || !imported) return;
    const kept = new Set(next.enterprises.map((e) => e.id));
    try {
      let all = await idpMetadata.load();
      for (const id of Object.keys(all)) if (!kept.has(id)) all = await idpMetadata.set(id, undefined);
      for (const [id, record] of Object.entries(imported)) all = await idpMetadata.set(id, record);
      setMetadata(all);
    } catch (error) {
      dispatch({ type: 'save-failed', message: (error as Error).message });
    }
  }

  async function save(next: Settings) {
    dispatch({ type: 'edited', settings: next });
    try {
      dispatch({ type: 'saved', result: await store.save(next) });
    } catch (error) {
      dispatch({ type: 'save-failed', message: (error as Error).message });
    }
  }

  function onTabKey(event: KeyboardEvent, index: number) {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = TABS[(index + delta + TABS.length) % TABS.length]!;
    setTab(next.id);
    tabRefs.current[next.id]?.focus();
  }

  return (
    <main class="options">
      <header>
        <h1>SSO Lens options</h1>
      </header>
      <div role="tablist" aria-label="Settings sections" class="tabs">
        {TABS.map((t, index) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => onTabKey(e, index)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <p class="hint save-status" role="status" aria-live="polite">
        {status}
      </p>
      {tab === 'enterprises' && (
        <section role="tabpanel" id="panel-enterprises" aria-labelledby="tab-enterprises" class="panel">
          {loadError && <p class="error-text">Could not read the saved settings: {loadError}</p>}
          {!settings && !loadError && <p class="muted">Loading…</p>}
          {settings && (
            <>
              <EnterpriseList
                settings={settings}
                now={now}
                onSave={(e) => void save(upsertEnterprise(settings, e))}
                onRemove={(id) => {
                  void save(removeEnterprise(settings, id));
                  // An enterprise's trust material goes with it.
                  if (metadata[id]) void saveMetadata(id, undefined);
                }}
                {...(idpMetadata ? { metadata, onMetadata: saveMetadata } : {})}
                {...(fetchMetadata ? { fetchMetadata } : {})}
                onMove={(id, delta) => void save(moveEnterprise(settings, id, delta))}
                onSetDefault={(id) => void save(setDefaultEnterprise(settings, id))}
              />
              <section aria-labelledby="add-title" class="card">
                <h2 id="add-title">Add an enterprise</h2>
                <EnterpriseForm onSubmit={(e) => void save(upsertEnterprise(settings, e))} />
              </section>
              <section aria-labelledby="one-click-title">
                <h2 id="one-click-title">One-click sign-in</h2>
                <label class="row">
                  <input
                    type="checkbox"
                    checked={settings.openOnClick}
                    onChange={(e) => void save({ ...settings, openOnClick: e.currentTarget.checked })}
                  />
                  Open on click: a click on the toolbar icon opens the default enterprise's one-click link instead of
                  the popup
                </label>
                <p class="hint muted">
                  Whatever you choose, Alt+Shift+L and the icon's right-click menu open the default enterprise. With
                  open on click, reach this page from the icon's right-click menu (<em>Options</em>).
                </p>
              </section>
              <InviteTemplateEditor
                key={settings.inviteTemplate}
                template={settings.inviteTemplate} onSave={(t) => void save({ ...settings, inviteTemplate: t })} />
              <SettingsTransfer
                settings={settings}
                {...(idpMetadata ? { metadata } : {})}
                onImport={(s, m) => void importSettingsAndMetadata(s, m)}
              />
            </>
          )}
        </section>
      )}
      {tab === 'groups' && (
        <section role="tabpanel" id="panel-groups" aria-labelledby="tab-groups" class="panel">
          <GroupCacheManager platform={groupsPlatform} />
        </section>
      )}
    </main>
  );
}
