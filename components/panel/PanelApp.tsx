import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { exportFileName, prepareExport, type ExportFormat, type PreparedExport } from '@/utils/har/export-har';
import { CaptureError } from '@/utils/har/read-capture';
import { readMessageInput } from '@/utils/har/read-message-input';
import type { Exchange } from '@/utils/har/types';
import type { CaptureSource, SourceStatus } from '@/utils/panel/capture-source';
import { analyze } from '@/utils/analyze';
import { analyzeWithTrust } from '@/utils/analyze-with-trust';
import { enrichWanted } from '@/utils/trust/enrich';
import { panelTrust } from '@/utils/panel/panel-trust';
import type { IdpMetadataMap } from '@/utils/settings/idp-metadata';
import type { IdpMetadataStore } from '@/utils/settings/idp-metadata-store';
import { analysisRequest, initialPanelState, panelReducer } from '@/utils/panel/panel-state';
import { panelVerdict } from '@/utils/panel/panel-verdict';
import { profileById, resolveProfile, type EnterpriseContext } from '@/utils/profiles';
import type { Finding, OrgGroups } from '@/utils/rules/types';
import type { TabVerdict } from '@/utils/settings/verdict';
import { CaptureAnnouncer } from './CaptureAnnouncer';
import { EmptyState } from './EmptyState';
import { ExportReview } from './ExportReview';
import { MessageDetail } from './MessageDetail';
import { MessageList } from './MessageList';
import { saveTextFile } from './save-file';
import { Toolbar } from './Toolbar';

/** Larger files are refused with a message rather than freezing the panel (HAR files with bodies get big). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const NO_FINDINGS: readonly Finding[] = [];

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
  useEffect(() => {
    if (!request) return;
    // The rules' verdict at once; the signature results (their code loads on demand) replace it when ready.
    const quick = analyze(request.exchanges, request.options);
    dispatch({ type: 'analyzed', request, analysis: quick });
    const trust = panelTrust(quick.messages, request.trust);
    if (!enrichWanted(quick.messages, trust)) return;
    setChecking(request.generation);
    analyzeWithTrust(request.exchanges, trust ? { ...request.options, trust } : request.options)
      .then(
        (analysis) => dispatch({ type: 'analyzed', request, analysis, enriched: true }),
        (e: unknown) => setNotice({ kind: 'error', text: `Signatures could not be checked: ${(e as Error)?.message ?? String(e)}` }),
      )
      .finally(() => setChecking((g) => (g === request.generation ? undefined : g)));
  }, [request?.generation]);

  const lastVerdict = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!onVerdict) return;
    const verdict = panelVerdict(state);
    const text = verdict && JSON.stringify(verdict);
    if (!verdict || text === lastVerdict.current) return;
    lastVerdict.current = text;
    onVerdict(verdict);
    // The verdict depends on the analysis (and what it was told: groups, profile), not on list selection.
  }, [state.analysis, onVerdict]);

  const importFile = async (file: File) => {
    setNotice(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setNotice({ kind: 'error', text: `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB: files over 200 MB are not opened. Export the HAR again without response bodies.` });
      return;
    }
    try {
      const input = readMessageInput(await file.text());
      const exchanges = input.entries.map((entry): Exchange => ({ entry, source: 'har-file' }));
      dispatch({ type: 'file-loaded', name: file.name, format: input.format, exchanges });
    } catch (e) {
      const reason = e instanceof CaptureError ? e.message : `it could not be read (${(e as Error).message})`;
      setNotice({ kind: 'error', text: `${file.name}: ${reason}` });
    }
  };

  const exportCaptures = (format: ExportFormat, groups = replaceGroups) => {
    setNotice(null);
    const prepared = prepareExport(state.exchanges, { redact, replaceGroups: groups, version, format });
    if (redact) {
      setReview({ ...prepared, entries: state.exchanges.length, format });
      return;
    }
    setReview(null);
    saveFile(exportFileName(new Date(), false, format), prepared.text);
    setNotice({ kind: 'info', text: `Exported ${state.exchanges.length} SAML exchanges without redaction: the file holds personal data and session cookies.` });
  };

  const saveReviewed = () => {
    if (!review) return;
    saveFile(exportFileName(new Date(), true, review.format), review.text);
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
  // The profile the engine judged the open message's flow by, with its enterprise's settings (group attribute
  // names, SCIM): what the Attributes tab's group matching must follow.
  const openProfile = useMemo(() => {
    if (!open) return undefined;
    const flow = state.analysis.flows.find((f) => f.messageKeys.includes(open.key));
    const definition = profileById(flow?.profile ?? state.profile ?? 'generic') ?? profileById('generic')!;
    const enterprise = flow?.reason?.enterpriseId ? state.enterprises?.find((e) => e.id === flow.reason!.enterpriseId) : undefined;
    return resolveProfile(definition, enterprise);
  }, [open, state.analysis, state.profile, state.enterprises]);

  // One array per analysis, so the detail (which skips unchanged props) is not redrawn for nothing.
  const analyzedEntries = useMemo(() => state.analyzedExchanges.map((x) => x.entry), [state.analyzedExchanges]);

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
        onExport={(format) => exportCaptures(format)}
        onFilter={(filters) => dispatch({ type: 'filter', filters })}
        onProfile={(profile) => dispatch({ type: 'profile', profile })}
        importInput={importInput}
      />
      {review?.summary && (
        <ExportReview
          summary={review.summary}
          entries={review.entries}
          format={review.format}
          replaceGroups={replaceGroups}
          onReplaceGroups={(groups) => {
            setReplaceGroups(groups);
            exportCaptures(review.format, groups);
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
            {state.file.samlExchanges > state.maxExchanges && ` (the last ${state.maxExchanges} are kept)`}.
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
        {open && (
          <MessageDetail
            key={open.key}
            message={open}
            findings={state.findingsByKey.get(open.key) ?? NO_FINDINGS}
            messages={state.analysis.messages}
            entry={state.analyzedExchanges[open.exchangeIndex]?.entry}
            entries={analyzedEntries}
            flow={state.analysis.flows.find((f) => f.messageKeys.includes(open.key))}
            groupAttributes={openProfile?.attributes.groups ?? []}
            scim={openProfile?.provisioning === 'scim'}
            orgGroups={state.orgGroups}
            onOpen={openKey}
            onClose={closeDetail}
            saveFile={saveFile}
            decryptionKeyGiven={!!state.decryptionKey}
            onDecryptionKey={setDecryptionKey}
          />
        )}
      </main>
      <CaptureAnnouncer count={messageCount} live={!state.file} />
      <footer class="status-bar">
        <span>
          {messageCount} SAML {messageCount === 1 ? 'message' : 'messages'} in {state.analysis.flows.length} {state.analysis.flows.length === 1 ? 'flow' : 'flows'}
        </span>
        <span>{otherRequests} other requests counted, not kept</span>
        {checking !== undefined && <span data-testid="checking-signatures">Checking signatures…</span>}
        {state.dropped > 0 && <span>{state.dropped} older SAML exchanges dropped (at most {state.maxExchanges} kept)</span>}
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
