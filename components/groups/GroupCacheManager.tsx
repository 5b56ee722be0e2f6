import { useCallback, useEffect, useState } from 'preact/hooks';
import type { GroupRegion } from '@/utils/groups/schema';
import type { CachedOrganization, CacheListing, GroupStore, OrganizationGroups } from '@/utils/groups/store';
import { CachedOrganizationList } from './CachedOrganizationList';
import { GroupFetchForm, type FetchPrefill } from './GroupFetchForm';
import { GroupImportForm, type ImportPrefill } from './GroupImportForm';
import { GroupInspector } from './GroupInspector';
import type { GroupsPlatform } from './groups-platform';
import { useGroupFetch } from './use-group-fetch';
import './groups.css';

type Load = { phase: 'loading' } | { phase: 'ready'; listing: CacheListing } | { phase: 'error'; message: string };

/** Options page section: the cached organization group lists, with fetch, import, inspect and delete. */
export function GroupCacheManager({ platform }: { platform: GroupsPlatform }) {
  const [store, setStore] = useState<GroupStore | undefined>();
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const [inspected, setInspected] = useState<OrganizationGroups | undefined>();
  const [tokens, setTokens] = useState<Partial<Record<GroupRegion, string>>>({});
  const [fetchPrefill, setFetchPrefill] = useState<FetchPrefill | undefined>();
  const [importPrefill, setImportPrefill] = useState<ImportPrefill | undefined>();
  const [now, setNow] = useState(() => platform.now());

  const reload = useCallback(
    async (target: GroupStore | undefined = store) => {
      if (!target) return;
      try {
        setLoad({ phase: 'ready', listing: await target.listOrganizations() });
        setNow(platform.now());
      } catch (error) {
        setLoad({ phase: 'error', message: (error as Error).message });
      }
    },
    [store, platform],
  );

  const openStore = useCallback(async () => {
    setLoad({ phase: 'loading' });
    try {
      const opened = await platform.openStore();
      setStore(opened);
      await reload(opened);
    } catch (error) {
      setLoad({ phase: 'error', message: (error as Error).message });
    }
  }, [platform, reload]);

  useEffect(() => {
    void openStore();
    platform.loadRememberedTokens().then(setTokens, () => setTokens({}));
  }, [platform]);
  useEffect(() => () => store?.close(), [store]);

  const afterSave = (org: CachedOrganization) => {
    setNotice(undefined);
    if (inspected?.organization.key === org.key) void inspect(org);
    void reload();
    platform.loadRememberedTokens().then(setTokens, () => undefined);
  };
  const fetcher = useGroupFetch(platform, store, afterSave);

  async function inspect(org: CachedOrganization) {
    if (!store) return;
    try {
      const list = await store.getOrganizationGroups(org.key);
      if (!list) {
        setNotice({ kind: 'error', text: `${org.organization} is no longer cached.` });
        return void reload();
      }
      setInspected(list);
    } catch (error) {
      setNotice({ kind: 'error', text: (error as Error).message });
    }
  }

  function refresh(org: CachedOrganization) {
    const remembered = tokens[org.region];
    if (org.source === 'fetch' && remembered) {
      // Called inside the click, so the browser may show the permission prompt.
      fetcher.start({ organization: org.organization, region: org.region, token: remembered, remember: true });
      setFetchPrefill({ organization: org.organization, region: org.region, nonce: Date.now() });
    } else if (org.source === 'fetch') {
      setFetchPrefill({ organization: org.organization, region: org.region, nonce: Date.now() });
      setNotice({ kind: 'ok', text: `Enter a token to fetch ${org.organization} again.` });
    } else {
      setImportPrefill({ organization: org.organization, region: org.region, nonce: Date.now() });
      setNotice({ kind: 'ok', text: `Paste or choose the current list of ${org.organization} below; it replaces the cached one.` });
    }
  }

  async function remove(org: CachedOrganization) {
    if (!store) return;
    try {
      await store.deleteOrganization(org.key);
      if (inspected?.organization.key === org.key) setInspected(undefined);
      setNotice({ kind: 'ok', text: `Deleted the cached groups of ${org.organization} (${org.region.toUpperCase()}).` });
      await reload();
    } catch (error) {
      setNotice({ kind: 'error', text: (error as Error).message });
    }
  }

  return (
    <section class="groups" aria-labelledby="groups-title">
      <h2 id="groups-title">Organization group lists</h2>
      <p class="groups-hint">
        SonarQube Cloud syncs groups by exact, case-sensitive name. Cache each organization's groups here so captured sign-ins can be
        checked against them. Lists stay in this browser.
      </p>
      {load.phase === 'loading' && <p role="status">Loading cached lists…</p>}
      {load.phase === 'error' && (
        <div role="alert" class="groups-error">
          <p>{load.message}</p>
          <button type="button" onClick={() => void (store ? reload() : openStore())}>
            Try again
          </button>
        </div>
      )}
      {load.phase === 'ready' && (
        <>
          {load.listing.unreadable.length > 0 && (
            <p class="groups-warning">
              {load.listing.unreadable.length} cached record(s) could not be read and are ignored; re-import those organizations to
              repair them.
            </p>
          )}
          <CachedOrganizationList
            organizations={load.listing.organizations}
            now={now}
            inspecting={inspected?.organization.key}
            onInspect={(org) => (inspected?.organization.key === org.key ? setInspected(undefined) : void inspect(org))}
            onRefresh={refresh}
            onDelete={remove}
          />
        </>
      )}
      {notice && (
        <p role={notice.kind === 'error' ? 'alert' : 'status'} class={notice.kind === 'error' ? 'groups-error' : 'groups-ok'}>
          {notice.text}
        </p>
      )}
      {inspected && <GroupInspector list={inspected} onClose={() => setInspected(undefined)} />}
      {store && (
        <div class="groups-columns">
          <GroupFetchForm
            state={fetcher.state}
            rememberedTokens={tokens}
            prefill={fetchPrefill}
            onStart={fetcher.start}
            onCancel={fetcher.cancel}
          />
          <GroupImportForm store={store} prefill={importPrefill} onSaved={afterSave} />
        </div>
      )}
    </section>
  );
}
