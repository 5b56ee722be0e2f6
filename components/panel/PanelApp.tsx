import { useCallback, useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { ExportFormat, PreparedExport } from '@/utils/har/export-har';
import type { Exchange } from '@/utils/har/types';
import type { CaptureSource, SourceStatus } from '@/utils/panel/capture-source';
import type { IdpMetadataMap } from '@/utils/settings/idp-metadata';
import type { IdpMetadataStore } from '@/utils/settings/idp-metadata-store';
import { analysisRequest, initialPanelState, MAX_KEPT_BYTES, panelReducer } from '@/utils/panel/panel-state';
import type { EnterpriseContext } from '@/utils/profiles';
import type { OrgGroups } from '@/utils/rules/types';
import type { TabVerdict } from '@/utils/settings/verdict';
import { CaptureAnnouncer } from './CaptureAnnouncer';
import { EmptyState } from './EmptyState';
import { loadDetail, loadEngine, loadExport, type DetailModule, type EngineModule, type ExportModule } from './lazy-modules';
import { MessageList } from './MessageList';
import { saveTextFile } from './save-file';
import { Toolbar } from './Toolbar';

/** Larger files are refused with a message rather than freezing the panel (HAR files with bodies get big). */
/** Both caps: the byte cap binds first on large messages (an Entra Response with groups runs to 18 KB). */
const keptLimit = (max: number) => `at most ${max.toLocaleString('en')} exchanges and ${MAX_KEPT_BYTES / 1024 / 1024} MB`;

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export interface PanelAppProps {
  source: CaptureSource;
  /** Cached organization group lists (IndexedDB in the extension). */
  loadOrgGroups?: () => Promise<OrgGroups[]>;
  saveFile?: (name: string, text: string) => void;
  version?: string;
  /** Keeps at most this many SAML exchanges (tests use a small number). */
  maxExchanges?: number;
  /** The enterprises set up in the options, now and after each change (returns a stop function). */
  watchEnterprises?: (callback: (enterprises: EnterpriseContext[]) => void) => () => void;
  /** Told the verdict on the last sign-in shown, when it changes (the popup shows it for the inspected tab). */
  onVerdict?: (verdict: TabVerdict) => void;
  /** The enterprises' IdP metadata (storage.local in the extension), the expected signing certificates. */
  idpMetadata?: Pick<IdpMetadataStore, 'load' | 'watch'>;
}

export function PanelApp({ source, loadOrgGroups, watchEnterprises, saveFile = saveTextFile, version, maxExchanges, onVerdict, idpMetadata }: PanelAppProps) {
  const [state, dispatch] = useReducer(panelReducer, { maxExchanges }, initialPanelState);
  const [status, setStatus] = useState<SourceStatus>({});
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  /** The generation whose signatures are being checked: the findings shown may still change. */
  const [checking, setChecking] = useState<number | undefined>();
  const [redact, setRedact] = useState(true);
  const [replaceGroups, setReplaceGroups] = useState(false);
  /** A redacted export waiting for the admin to read what was replaced and save it. */
  const [review, setReview] = useState<(PreparedExport & { entries: number; format: ExportFormat }) | null>(null);
  // Loaded on demand (lazy-modules.ts): undefined until their first use.
  const [detail, setDetail] = useState<DetailModule>();
  const [exporter, setExporter] = useState<ExportModule>();
  const loadFailed = useCallback((e: unknown) => setNotice({ kind: 'error', text: `Part of the panel could not be loaded: ${(e as Error)?.message ?? String(e)}` }), []);
  const list = useRef<HTMLDivElement>(null);
  const importInput = useRef<HTMLInputElement>(null);

  useEffect(
    () =>
      source.connect({
        add: (exchanges, live) => dispatch({ type: 'captured', exchanges, live }),
        status: (s) => {
          setStatus(s);
          if (s.otherRequests !== undefined) dispatch({ type: 'recorder-counted', otherRequests: s.otherRequests });
        },
      }),
    [source],
  );

  useEffect(() => {
    let live = true;
    loadOrgGroups?.()
      .then((orgGroups) => live && orgGroups.length && dispatch({ type: 'org-groups', orgGroups }))
      // No cache (private window, blocked upgrade) only means no group parity: the options page explains why.
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [loadOrgGroups]);

  useEffect(() => {
    if (!idpMetadata) return;
    let live = true;
    const use = (all: IdpMetadataMap) => live && dispatch({ type: 'idp-metadata', records: Object.values(all) });
    // Without the metadata the signatures are still checked, against what the messages carry.
    idpMetadata.load().then(use, () => {});
    const stop = idpMetadata.watch(use);
    return () => {
      live = false;
      stop();
    };
  }, [idpMetadata]);

  useEffect(() => watchEnterprises?.((enterprises) => dispatch({ type: 'enterprises', enterprises })), [watchEnterprises]);

  // The analysis runs outside the reducer, so a slow step (signature verification) never holds up the list or
  // typing in the filter; a newer capture's analysis replaces an older one still running.
  const request = analysisRequest(state);
  const latestRequest = useRef(0);
  useEffect(() => {
    if (!request) return;
    latestRequest.current = request.generation;
    loadEngine().then((engine: EngineModule) => {
      // Captures that arrived while the engine loaded: only the newest request is worth analyzing.
      if (latestRequest.current !== request.generation) return;
      // The rules' verdict at once; the signature results (their code loads on demand) replace it when ready.
      // Both go through the panel's incremental engine: only what this capture changed is read and judged.
      const trust = engine.requestTrust(request);
      const quick = engine.analyzeRequest(request, trust);
      dispatch({ type: 'analyzed', request, analysis: quick });
      if (!engine.enrichWanted(quick.messages, trust)) return;
      setChecking(request.generation);
      engine
        .analyzeRequestWithTrust(request, trust)
        .then(
          (analysis) => dispatch({ type: 'analyzed', request, analysis, enriched: true }),
          (e: unknown) => setNotice({ kind: 'error', text: `Signatures could not be checked: ${(e as Error)?.message ?? String(e)}` }),
        )
        .finally(() => setChecking((g) => (g === request.generation ? undefined : g)));
    }, loadFailed);
  }, [request?.generation]);

  const lastVerdict = useRef<string | undefined>(undefined);
  useEffect(() => {
    // No flow, no verdict: the engine is loaded once there is an analysis to judge.
    if (!onVerdict || !state.analysis.flows.length) return;
    let current = true;
    loadEngine().then((engine) => {
      if (!current) return;
      const verdict = engine.panelVerdict(state);
      const text = verdict && JSON.stringify(verdict);
      if (!verdict || text === lastVerdict.current) return;
      lastVerdict.current = text;
      onVerdict(verdict);
    }, loadFailed);
    return () => {
      current = false;
    };
    // The verdict depends on the analysis (and what it was told: groups, profile), not on list selection.
  }, [state.analysis, onVerdict]);

  // The detail's code loads with the first message, before anyone opens one.
  const hasMessages = state.analysis.messages.length > 0;
  useEffect(() => {
    if (hasMessages && !detail) loadDetail().then((m) => setDetail(m), loadFailed);
  }, [hasMessages]);

  const importFile = async (file: File) => {
    setNotice(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setNotice({ kind: 'error', text: `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB: files over 200 MB are not opened. Export the HAR again without response bodies.` });
      return;
    }
    let engine: EngineModule | undefined;
    try {
      engine = await loadEngine();
      const input = engine.readMessageInput(await file.text());
      const exchanges = input.entries.map((entry): Exchange => ({ entry, source: 'har-file' }));
      dispatch({ type: 'file-loaded', name: file.name, format: input.format, exchanges });
    } catch (e) {
      const reason = engine && e instanceof engine.CaptureError ? e.message : `it could not be read (${(e as Error).message})`;
      setNotice({ kind: 'error', text: `${file.name}: ${reason}` });
    }
  };

  const exportCaptures = async (format: ExportFormat, groups = replaceGroups) => {
    setNotice(null);
    let module = exporter;
    if (!module) {
      try {
        module = await loadExport();
      } catch (e) {
        loadFailed(e);
        return;
      }
      setExporter(module);
    }
    const prepared = module.prepareExport(state.exchanges, { redact, replaceGroups: groups, version, format });
    if (redact) {
      setReview({ ...prepared, entries: state.exchanges.length, format });
      return;
    }
    setReview(null);
    saveFile(module.exportFileName(new Date(), false, format), prepared.text);
    setNotice({ kind: 'info', text: `Exported ${state.exchanges.length} SAML exchanges without redaction: the file holds personal data and session cookies.` });
  };

  const saveReviewed = () => {
    if (!review || !exporter) return;
    saveFile(exporter.exportFileName(new Date(), true, review.format), review.text);
    setReview(null);
    setNotice({ kind: 'info', text: `Exported ${review.entries} SAML exchanges, redacted: check the file before you share it.` });
  };

  const clear = () => {
    dispatch({ type: 'clear' });
    setNotice(null);
    source.clear().catch((e: unknown) => setNotice({ kind: 'error', text: `The recorder's captures could not be cleared: ${(e as Error).message}` }));
  };

  const enableRecording = async () => {
    setNotice(null);
    try {
      await source.enableRecording?.();
    } catch (e) {
      setNotice({ kind: 'error', text: (e as Error).message });
    }
  };

  const open = state.openKey !== undefined ? state.messagesByKey.get(state.openKey) : undefined;

  // Stable callbacks: a busy page sends many non-SAML requests, and each only changes a counter; the list and
  // the detail (thousands of XML spans) then skip re-rendering.
  const closeDetail = useCallback(() => {
    dispatch({ type: 'open', key: undefined });
    list.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus();
  }, []);
  const select = useCallback((key: string) => dispatch({ type: 'select', key }), []);
  const openKey = useCallback((key: string) => dispatch({ type: 'open', key }), []);
  const move = useCallback((by: number | 'first' | 'last') => dispatch({ type: 'move', by }), []);
  const setDecryptionKey = useCallback((key: string | undefined) => dispatch({ type: 'decryption-key', key }), []);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer?.files[0];
    if (file) void importFile(file);
  };

  const messageCount = state.analysis.messages.length;
  const otherRequests = state.otherRequests + state.recorderOtherRequests;

  return (
    <div
      class="panel"
      onDragOver={(e) => {
        if (!e.dataTransfer?.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.relatedTarget === null) setDragging(false);
      }}
      onDrop={onDrop}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) closeDetail();
      }}
    >
      <Toolbar
        source={source}
        state={state}
        redact={redact}
        onRedact={setRedact}
        onPause={(paused) => dispatch({ type: 'pause', paused })}
        onClear={clear}
        onImport={importFile}
        onExport={(format) => void exportCaptures(format)}
        onFilter={(filters) => dispatch({ type: 'filter', filters })}
        onProfile={(profile) => dispatch({ type: 'profile', profile })}
        importInput={importInput}
      />
      {review?.summary && exporter && (
        <exporter.ExportReview
          summary={review.summary}
          entries={review.entries}
          format={review.format}
          replaceGroups={replaceGroups}
          onReplaceGroups={(groups) => {
            setReplaceGroups(groups);
            void exportCaptures(review.format, groups);
          }}
          onSave={saveReviewed}
          onCancel={() => setReview(null)}
        />
      )}
      {notice && (
        <div class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <button type="button" class="icon" aria-label="Dismiss" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      {state.file && (
        <div class="notice notice-info" role="status" data-testid="file-banner">
          <span>
            Showing <strong>{state.file.name}</strong>: {state.file.samlExchanges} SAML {state.file.samlExchanges === 1 ? 'exchange' : 'exchanges'}
            {state.file.otherRequests > 0 && `, ${state.file.otherRequests} other requests left out`}
            {state.dropped > 0 && ` (the oldest were dropped: the panel keeps ${keptLimit(state.maxExchanges)})`}.
          </span>
        </div>
      )}
      <main class={`panel-body${open ? ' with-detail' : ''}`}>
        <div class="list-pane" ref={list}>
          <div class="list-header" aria-hidden="true">
            <span class="col-time">Time</span>
            <span class="col-kind">Kind</span>
            <span class="col-binding">Binding</span>
            <span class="col-route">Issuer → destination</span>
            <span class="col-status">HTTP</span>
            <span class="col-badge">Worst</span>
          </div>
          {state.rows.length ? (
            <MessageList
              rows={state.rows}
              selectedKey={state.selectedKey}
              openKey={state.openKey}
              onSelect={select}
              onOpen={openKey}
              onMove={move}
            />
          ) : messageCount ? (
            <div class="list-empty" data-testid="no-match">
              <p>No message matches the filters.</p>
              <button type="button" onClick={() => dispatch({ type: 'filter', filters: { severity: 'all', kind: 'all', protocol: 'all', text: '' } })}>
                Clear filters
              </button>
            </div>
          ) : (
            <EmptyState source={source} status={status} state={state} onEnableRecording={enableRecording} onPickFile={() => importInput.current?.click()} />
          )}
        </div>
        {open &&
          (detail ? (
            <detail.DetailPane key={open.key} message={open} state={state} onOpen={openKey} onClose={closeDetail} saveFile={saveFile} onDecryptionKey={setDecryptionKey} />
          ) : (
            <section class="detail" aria-label="Message detail" aria-busy="true">
              <p class="muted">Loading…</p>
            </section>
          ))}
      </main>
      <CaptureAnnouncer count={messageCount} live={!state.file} />
      <footer class="status-bar">
        <span>
          {messageCount} SAML {messageCount === 1 ? 'message' : 'messages'} in {state.analysis.flows.length} {state.analysis.flows.length === 1 ? 'flow' : 'flows'}
        </span>
        <span>{otherRequests} other requests counted, not kept</span>
        {checking !== undefined && <span data-testid="checking-signatures">Checking signatures…</span>}
        {state.dropped > 0 && <span>{state.dropped} older SAML exchanges dropped (the panel keeps {keptLimit(state.maxExchanges)})</span>}
        {state.paused && <span class="paused">Paused{state.ignoredWhilePaused ? `: ${state.ignoredWhilePaused} SAML exchanges ignored` : ''}</span>}
        {state.orgGroups?.length ? (
          <span>{state.orgGroups.length === 1 ? 'Group list of 1 organization cached' : `Group lists of ${state.orgGroups.length} organizations cached`}</span>
        ) : null}
        <span class="muted">Source: {source.label}</span>
      </footer>
      {dragging && (
        <div class="drop-overlay" aria-hidden="true">
          Drop a HAR file, a SAML-tracer export or a SAML message
        </div>
      )}
    </div>
  );
}
