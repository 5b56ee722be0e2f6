import { verdictOfFlow } from '../recorder/sign-in-verdict';
import type { TabVerdict } from '../settings/verdict';
import type { PanelState } from './panel-state';

/**
 * The verdict on the last sign-in the panel shows, from the analysis it already has: the popup shows it for the
 * inspected tab, with group parity when organization group lists are cached (evidence for the checklist).
 */
export function panelVerdict(state: Pick<PanelState, 'analysis' | 'analyzedExchanges' | 'analyzedDropped' | 'messagesByKey' | 'orgGroups'>): TabVerdict | undefined {
  const last = state.analysis.flows.findLast((f) => f.kind === 'sign-in' && f.responseKey !== undefined);
  const index = last && state.messagesByKey.get(last.responseKey!)?.exchangeIndex;
  const exchange = index === undefined ? undefined : state.analyzedExchanges[index - state.analyzedDropped];
  // A file the user opened is about someone else's browser, not the inspected tab.
  if (!last || !exchange || exchange.source === 'har-file') return undefined;
  return verdictOfFlow(state.analysis, last, exchange.entry.startedDateTime, !!state.orgGroups?.length);
}
