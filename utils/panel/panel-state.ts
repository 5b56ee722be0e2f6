import type { Analysis, AnalyzeOptions } from '../analyze';
import { classify, CLOSED, entryBytes, slimHop, type WindowState } from '../capture/sign-in-window';
import type { EnterpriseContext, ProfileId } from '../profiles';
import type { InputFormat } from '../har/read-message-input';
import type { Exchange } from '../har/types';
import type { Finding, OrgGroups } from '../rules/types';
import { isProtocolExchange } from '../protocols/detectors';
import type { Message } from '../protocols/types';
import type { IdpMetadataRecord } from '../settings/idp-metadata';
import { listRows, NO_FILTERS, type ListRow, type MessageFilters } from './filter-messages';
import { seenRequest, withSeen, type SeenRequest } from './seen-requests';

// The panel's one store (a reducer): captures, their analysis, filters and selection. Pure: the capture
// sources and the views live elsewhere, and so does the analysis itself: the reducer asks for one (a new
// `generation`), the view runs it outside (an effect, with the async trust step) and hands back `analyzed`.

/** Kept exchanges hold at most about this many bytes of text; the oldest go first. */
export const MAX_KEPT_BYTES = 64 * 1024 * 1024;

/**
 * The panel keeps this many exchanges (protocol exchanges and the hops of their sign-ins): a long support session.
 * The analysis is incremental (utils/panel/incremental-analysis.ts), so one more at the cap costs milliseconds.
 */
export const MAX_PANEL_EXCHANGES = 10_000;

export interface LoadedFile {
  name: string;
  format: InputFormat;
  /** SAML exchanges the file holds (before the cap). */
  samlExchanges: number;
  otherRequests: number;
}

export interface PanelState {
  /**
   * Protocol exchanges and the hops of their sign-in windows (utils/capture/sign-in-window.ts), oldest first, at
   * most `maxExchanges` and about `MAX_KEPT_BYTES`.
   */
  exchanges: Exchange[];
  /** About how many bytes of text `exchanges` hold (entryBytes), kept up to date as they come and go. */
  keptBytes: number;
  /** Every request the panel took in (kept or not), as a light row, the last MAX_SEEN_REQUESTS: "All requests". */
  seen: SeenRequest[];
  /** Requests no protocol detected, seen by the panel (some kept as hops of a sign-in). */
  otherRequests: number;
  /** The sign-in window the last captures left open. */
  window: WindowState;
  /** Bumped whenever what the analysis depends on changes; the view then runs it (`analysisRequest`). */
  generation: number;
  /** The generation `analysis` answers. */
  analyzedGeneration: number;
  /**
   * The exchanges `analysis` was made from and `dropped` then: a message's `exchangeIndex` counts every exchange
   * the panel kept since it was cleared, so its exchange is `analyzedExchanges[exchangeIndex - analyzedDropped]`.
   */
  analyzedExchanges: Exchange[];
  analyzedDropped: number;
  /** Non-SAML requests the background recorder counted. */
  recorderOtherRequests: number;
  /** SAML exchanges dropped to stay under the cap. */
  dropped: number;
  /** Live SAML exchanges ignored while paused. */
  ignoredWhilePaused: number;
  paused: boolean;
  orgGroups?: OrgGroups[];
  /** The enterprises set up in the options: their flows are judged by their settings. */
  enterprises?: EnterpriseContext[];
  /** The target service chosen by the user; undefined: detected per flow from where its messages go. */
  profile?: ProfileId;
  analysis: Analysis;
  messagesByKey: ReadonlyMap<string, Message>;
  findingsByKey: ReadonlyMap<string, Finding[]>;
  filters: MessageFilters;
  rows: ListRow[];
  /** The highlighted row (keyboard focus in the list). */
  selectedKey?: string;
  /** The message shown in the detail pane. */
  openKey?: string;
  file?: LoadedFile;
  maxExchanges: number;
  /** The enterprises' IdP metadata (options page), for the signature checks. */
  idpMetadata: readonly IdpMetadataRecord[];
  /** The SP's private key the admin pasted: held in this page's memory only, never stored or exported. */
  decryptionKey?: string;
}

export type PanelAction =
  /** New exchanges from a live source; `live` ones are ignored while paused. */
  | { type: 'captured'; exchanges: Exchange[]; live: boolean }
  | { type: 'file-loaded'; name: string; format: InputFormat; exchanges: Exchange[] }
  | { type: 'recorder-counted'; otherRequests: number }
  | { type: 'clear' }
  | { type: 'pause'; paused: boolean }
  | { type: 'filter'; filters: Partial<MessageFilters> }
  | { type: 'org-groups'; orgGroups: OrgGroups[] | undefined }
  | { type: 'enterprises'; enterprises: EnterpriseContext[] | undefined }
  | { type: 'profile'; profile: ProfileId | undefined }
  | { type: 'select'; key: string | undefined }
  | { type: 'open'; key: string | undefined }
  | { type: 'move'; by: number | 'first' | 'last' }
  | { type: 'idp-metadata'; records: readonly IdpMetadataRecord[] }
  /** undefined forgets the key. */
  | { type: 'decryption-key'; key: string | undefined }
  /** The analysis the view ran for `request`: shown unless a newer one already is. */
  /** `enriched`: the same request again, now with the async steps' results (signatures): it replaces the first. */
  | { type: 'analyzed'; request: AnalysisRequest; analysis: Analysis; enriched?: boolean };

/** What one analysis is made of: a snapshot of the state's exchanges and options at one generation. */
export interface AnalysisRequest {
  generation: number;
  exchanges: Exchange[];
  dropped: number;
  options: AnalyzeOptions;
  /** What the trust material is chosen from once the messages are read (utils/panel/panel-trust.ts). */
  trust: { metadata: readonly IdpMetadataRecord[]; decryptionKey?: string };
}

const EMPTY_ANALYSIS: Analysis = { messages: [], flows: [], findings: [] };

export function initialPanelState(options: { maxExchanges?: number } = {}): PanelState {
  return {
    exchanges: [],
    keptBytes: 0,
    seen: [],
    otherRequests: 0,
    window: CLOSED,
    generation: 0,
    analyzedGeneration: 0,
    analyzedExchanges: [],
    analyzedDropped: 0,
    recorderOtherRequests: 0,
    dropped: 0,
    ignoredWhilePaused: 0,
    paused: false,
    analysis: EMPTY_ANALYSIS,
    messagesByKey: new Map(),
    findingsByKey: new Map(),
    filters: NO_FILTERS,
    rows: [],
    maxExchanges: options.maxExchanges ?? MAX_PANEL_EXCHANGES,
    idpMetadata: [],
  };
}

/** Asks the view for a new analysis of the kept exchanges. */
function needsAnalysis(state: PanelState): PanelState {
  return { ...state, generation: state.generation + 1 };
}

/** The analysis the state waits for, or undefined when the one shown is current. */
export function analysisRequest(state: PanelState): AnalysisRequest | undefined {
  if (state.analyzedGeneration === state.generation) return undefined;
  const options: AnalyzeOptions = {};
  if (state.orgGroups?.length) options.orgGroups = state.orgGroups;
  if (state.enterprises?.length) options.enterprises = state.enterprises;
  if (state.profile) options.profile = state.profile;
  const trust = { metadata: state.idpMetadata, ...(state.decryptionKey ? { decryptionKey: state.decryptionKey } : {}) };
  return { generation: state.generation, exchanges: state.exchanges, dropped: state.dropped, options, trust };
}

function withAnalysis(state: PanelState, request: AnalysisRequest, analysis: Analysis): PanelState {
  // Keys count exchanges from the first kept since a clear: dropping the oldest leaves the selection's key as it is.
  const messagesByKey = new Map(analysis.messages.map((m) => [m.key, m]));
  const findingsByKey = new Map<string, Finding[]>();
  for (const f of analysis.findings) {
    // A finding about a whole flow (no message) shows on each of the flow's messages.
    const keys = f.messageKey ? [f.messageKey] : (analysis.flows.find((fl) => fl.id === f.flowId)?.messageKeys ?? []);
    for (const key of keys) {
      const list = findingsByKey.get(key);
      if (list) list.push(f);
      else findingsByKey.set(key, [f]);
    }
  }
  return withRows({
    ...state,
    analysis,
    messagesByKey,
    findingsByKey,
    analyzedGeneration: request.generation,
    analyzedExchanges: request.exchanges,
    analyzedDropped: request.dropped,
  });
}

/** A state with nothing captured, continuing the generations so that an analysis still running is ignored. */
function emptied(state: PanelState): PanelState {
  const generation = state.generation + 1;
  return {
    ...initialPanelState({ maxExchanges: state.maxExchanges }),
    paused: state.paused,
    orgGroups: state.orgGroups,
    enterprises: state.enterprises,
    profile: state.profile,
    filters: state.filters,
    idpMetadata: state.idpMetadata,
    ...(state.decryptionKey ? { decryptionKey: state.decryptionKey } : {}),
    generation,
    analyzedGeneration: generation,
  };
}

function withRows(state: PanelState): PanelState {
  const rows = listRows(state.analysis.flows, state.messagesByKey, state.findingsByKey, state.filters);
  const visible = (key: string | undefined) => key !== undefined && rows.some((r) => r.type === 'message' && r.message.key === key);
  const selectedKey = visible(state.selectedKey) ? state.selectedKey : undefined;
  const openKey = state.openKey !== undefined && state.messagesByKey.has(state.openKey) ? state.openKey : undefined;
  return { ...state, rows, selectedKey, openKey };
}

/**
 * Keep protocol exchanges (any protocol's cheap detect) and the hops of their sign-in windows, count the
 * requests no protocol detected, and stay under the count and byte caps by dropping the oldest.
 */
function addExchanges(state: PanelState, incoming: readonly Exchange[]): PanelState {
  let window = state.window;
  let other = 0;
  const kept: Exchange[] = [];
  const seen: SeenRequest[] = [];
  // A kept exchange's index: what the analysis numbers its messages and hops with.
  const next = state.dropped + state.exchanges.length;
  for (const x of incoming) {
    const verdict = classify(x.entry, window);
    window = verdict.window;
    if (verdict.keep !== 'protocol') other++;
    seen.push(seenRequest(x.entry, verdict.keep ? next + kept.length : undefined));
    if (verdict.keep === 'protocol') kept.push(x);
    else if (verdict.keep === 'hop') kept.push({ ...x, entry: slimHop(x.entry) });
  }
  if (!kept.length) return { ...state, window, seen: withSeen(state.seen, seen), otherRequests: state.otherRequests + other };
  const all = [...state.exchanges, ...kept];
  // The oldest go first: over the count, then while over the bytes (the newest always stays). Only what comes and
  // goes is measured, so that one more at a cap of 10,000 does not add up all the others again.
  let drop = Math.max(0, all.length - state.maxExchanges);
  let bytes = state.keptBytes;
  for (const x of kept) bytes += entryBytes(x.entry);
  for (let i = 0; i < drop; i++) bytes -= entryBytes(all[i]!.entry);
  while (bytes > MAX_KEPT_BYTES && drop < all.length - 1) bytes -= entryBytes(all[drop++]!.entry);
  return needsAnalysis({
    ...state,
    window,
    keptBytes: bytes,
    seen: withSeen(state.seen, seen),
    exchanges: drop ? all.slice(drop) : all,
    otherRequests: state.otherRequests + other,
    dropped: state.dropped + drop,
  });
}

function messageKeys(rows: readonly ListRow[]): string[] {
  return rows.flatMap((r) => (r.type === 'message' ? [r.message.key] : []));
}

export function panelReducer(state: PanelState, action: PanelAction): PanelState {
  switch (action.type) {
    case 'captured':
      if (action.live && state.paused) {
        const detected = action.exchanges.filter((x) => isProtocolExchange(x.entry)).length;
        return { ...state, ignoredWhilePaused: state.ignoredWhilePaused + detected, otherRequests: state.otherRequests + action.exchanges.length - detected };
      }
      return addExchanges(state, action.exchanges);
    case 'file-loaded': {
      const samlExchanges = action.exchanges.filter((x) => isProtocolExchange(x.entry)).length;
      const next = addExchanges(emptied(state), action.exchanges);
      return {
        ...next,
        file: { name: action.name, format: action.format, samlExchanges, otherRequests: action.exchanges.length - samlExchanges },
      };
    }
    case 'recorder-counted':
      return { ...state, recorderOtherRequests: action.otherRequests };
    case 'clear':
      return emptied(state);
    case 'pause':
      return { ...state, paused: action.paused };
    case 'filter':
      return withRows({ ...state, filters: { ...state.filters, ...action.filters } });
    case 'org-groups':
      return needsAnalysis({ ...state, orgGroups: action.orgGroups });
    case 'enterprises':
      return needsAnalysis({ ...state, enterprises: action.enterprises });
    case 'profile':
      return needsAnalysis({ ...state, profile: action.profile });
    case 'idp-metadata':
      return needsAnalysis({ ...state, idpMetadata: action.records });
    case 'decryption-key': {
      const { decryptionKey: _old, ...rest } = state;
      return needsAnalysis(action.key ? { ...rest, decryptionKey: action.key } : rest);
    }
    case 'select':
      return { ...state, selectedKey: action.key };
    case 'open':
      return { ...state, openKey: action.key, selectedKey: action.key ?? state.selectedKey };
    case 'analyzed':
      // An older request that finishes after a newer one is not shown.
      if (action.request.generation > state.generation || action.request.generation < state.analyzedGeneration) return state;
      if (action.request.generation === state.analyzedGeneration && !action.enriched) return state;
      return withAnalysis(state, action.request, action.analysis);
    case 'move': {
      const keys = messageKeys(state.rows);
      if (!keys.length) return state;
      const at = state.selectedKey === undefined ? -1 : keys.indexOf(state.selectedKey);
      let next: number;
      if (action.by === 'first') next = 0;
      else if (action.by === 'last') next = keys.length - 1;
      else if (at < 0) next = action.by > 0 ? 0 : keys.length - 1;
      else next = Math.min(keys.length - 1, Math.max(0, at + action.by));
      return { ...state, selectedKey: keys[next] };
    }
  }
}

/** Which detail tab opens first: the findings when something is wrong, else the summary. */
export function hasErrors(findings: readonly Finding[] | undefined): boolean {
  return !!findings?.some((f) => f.severity === 'error');
}
