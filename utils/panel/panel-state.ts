import { analyze, type Analysis, type AnalyzeOptions } from '../analyze';
import type { ProfileId } from '../profiles';
import type { InputFormat } from '../har/read-message-input';
import type { Exchange } from '../har/types';
import { MAX_SAML_EXCHANGES } from '../recorder/protocol';
import type { Finding, OrgGroups } from '../rules/types';
import { detectSaml } from '../saml/detect';
import { createReadCache } from '../protocols/read-cache';
import type { SamlMessage } from '../saml/types';
import { listRows, NO_FILTERS, type ListRow, type MessageFilters } from './filter-messages';

// The panel's one store (a reducer): captures, their analysis, filters and selection. Pure: the capture
// sources and the views live elsewhere.

export interface LoadedFile {
  name: string;
  format: InputFormat;
  /** SAML exchanges the file holds (before the cap). */
  samlExchanges: number;
  otherRequests: number;
}

export interface PanelState {
  /** SAML exchanges only, oldest first, at most `MAX_SAML_EXCHANGES`. */
  exchanges: Exchange[];
  /** Non-SAML requests seen by the panel: counted, not kept. */
  otherRequests: number;
  /** Non-SAML requests the background recorder counted. */
  recorderOtherRequests: number;
  /** SAML exchanges dropped to stay under the cap. */
  dropped: number;
  /** Live SAML exchanges ignored while paused. */
  ignoredWhilePaused: number;
  paused: boolean;
  orgGroups?: OrgGroups[];
  /** The target service chosen by the user; undefined: detected per flow from where its messages go. */
  profile?: ProfileId;
  analysis: Analysis;
  messagesByKey: ReadonlyMap<string, SamlMessage>;
  findingsByKey: ReadonlyMap<string, Finding[]>;
  filters: MessageFilters;
  rows: ListRow[];
  /** The highlighted row (keyboard focus in the list). */
  selectedKey?: string;
  /** The message shown in the detail pane. */
  openKey?: string;
  file?: LoadedFile;
  maxExchanges: number;
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
  | { type: 'profile'; profile: ProfileId | undefined }
  | { type: 'select'; key: string | undefined }
  | { type: 'open'; key: string | undefined }
  | { type: 'move'; by: number | 'first' | 'last' };

const EMPTY_ANALYSIS: Analysis = { messages: [], flows: [], findings: [] };

export function initialPanelState(options: { maxExchanges?: number } = {}): PanelState {
  return {
    exchanges: [],
    otherRequests: 0,
    recorderOtherRequests: 0,
    dropped: 0,
    ignoredWhilePaused: 0,
    paused: false,
    analysis: EMPTY_ANALYSIS,
    messagesByKey: new Map(),
    findingsByKey: new Map(),
    filters: NO_FILTERS,
    rows: [],
    maxExchanges: options.maxExchanges ?? MAX_SAML_EXCHANGES,
  };
}

/** Message keys are `<exchange index>:<param>`: dropping the oldest exchanges shifts them. */
function shiftKey(key: string | undefined, by: number): string | undefined {
  if (key === undefined || by === 0) return key;
  const colon = key.indexOf(':');
  const index = Number(key.slice(0, colon)) - by;
  return index < 0 ? undefined : `${index}${key.slice(colon)}`;
}

// Every change re-analyzes all kept exchanges (flows and findings may change with any new one); what each
// exchange's SAML fields say is read once, when it arrives, and reused while the exchange is kept.
const readCache = createReadCache();

function withAnalysis(state: PanelState): PanelState {
  const options: AnalyzeOptions = { readCache };
  if (state.orgGroups?.length) options.orgGroups = state.orgGroups;
  if (state.profile) options.profile = state.profile;
  const analysis = state.exchanges.length ? analyze(state.exchanges, options) : EMPTY_ANALYSIS;
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
  return withRows({ ...state, analysis, messagesByKey, findingsByKey });
}

function withRows(state: PanelState): PanelState {
  const rows = listRows(state.analysis.flows, state.messagesByKey, state.findingsByKey, state.filters);
  const visible = (key: string | undefined) => key !== undefined && rows.some((r) => r.type === 'message' && r.message.key === key);
  const selectedKey = visible(state.selectedKey) ? state.selectedKey : undefined;
  const openKey = state.openKey !== undefined && state.messagesByKey.has(state.openKey) ? state.openKey : undefined;
  return { ...state, rows, selectedKey, openKey };
}

/** Keep SAML exchanges (cheap name check), count the rest, and stay under the cap by dropping the oldest. */
function addExchanges(state: PanelState, incoming: readonly Exchange[]): PanelState {
  const saml = incoming.filter((x) => detectSaml(x.entry) !== null);
  if (!saml.length) return { ...state, otherRequests: state.otherRequests + incoming.length };
  const all = [...state.exchanges, ...saml];
  const drop = Math.max(0, all.length - state.maxExchanges);
  return withAnalysis({
    ...state,
    exchanges: drop ? all.slice(drop) : all,
    otherRequests: state.otherRequests + incoming.length - saml.length,
    dropped: state.dropped + drop,
    selectedKey: shiftKey(state.selectedKey, drop),
    openKey: shiftKey(state.openKey, drop),
  });
}

function messageKeys(rows: readonly ListRow[]): string[] {
  return rows.flatMap((r) => (r.type === 'message' ? [r.message.key] : []));
}

export function panelReducer(state: PanelState, action: PanelAction): PanelState {
  switch (action.type) {
    case 'captured':
      if (action.live && state.paused) {
        const saml = action.exchanges.filter((x) => detectSaml(x.entry) !== null).length;
        return { ...state, ignoredWhilePaused: state.ignoredWhilePaused + saml, otherRequests: state.otherRequests + action.exchanges.length - saml };
      }
      return addExchanges(state, action.exchanges);
    case 'file-loaded': {
      const samlExchanges = action.exchanges.filter((x) => detectSaml(x.entry) !== null).length;
      const fresh = { ...initialPanelState({ maxExchanges: state.maxExchanges }), paused: state.paused, orgGroups: state.orgGroups, profile: state.profile, filters: state.filters };
      const next = addExchanges(fresh, action.exchanges);
      return {
        ...next,
        file: { name: action.name, format: action.format, samlExchanges, otherRequests: action.exchanges.length - samlExchanges },
      };
    }
    case 'recorder-counted':
      return { ...state, recorderOtherRequests: action.otherRequests };
    case 'clear':
      return { ...initialPanelState({ maxExchanges: state.maxExchanges }), paused: state.paused, orgGroups: state.orgGroups, profile: state.profile, filters: state.filters };
    case 'pause':
      return { ...state, paused: action.paused };
    case 'filter':
      return withRows({ ...state, filters: { ...state.filters, ...action.filters } });
    case 'org-groups':
      return withAnalysis({ ...state, orgGroups: action.orgGroups });
    case 'profile':
      return withAnalysis({ ...state, profile: action.profile });
    case 'select':
      return { ...state, selectedKey: action.key };
    case 'open':
      return { ...state, openKey: action.key, selectedKey: action.key ?? state.selectedKey };
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
