// The devtools panel at its cap: 500 SAML exchanges kept, and one more arrives. The panel's reducer drops the
// oldest, re-analyzes what it keeps and rebuilds its list; this line times that one step.
import type { Exchange, HarEntry } from '../utils/har/types';
import { analyzeNow } from '../utils/panel/analyze-now';
import { initialPanelState, panelReducer, type PanelState } from '../utils/panel/panel-state';
import { MAX_SAML_EXCHANGES } from '../utils/recorder/protocol';
import { signInEntries } from './inputs';
import type { Line } from './report';
import { time } from './timing';

const WARMUP = 5;
const RUNS = 30;

const exchange = (entry: HarEntry): Exchange => ({ entry, source: 'panel' });

export function panelAnalyzeLine(): Line {
  // 250 SP-initiated sign-ins (a Redirect AuthnRequest and an Entra Response with 150 groups each): the cap.
  const kept = signInEntries(MAX_SAML_EXCHANGES / 2).map(exchange);
  const full: PanelState = analyzeNow(panelReducer(initialPanelState(), { type: 'captured', live: true, exchanges: kept }));
  if (full.exchanges.length !== MAX_SAML_EXCHANGES) throw new Error(`the panel workload keeps ${full.exchanges.length} exchanges`);
  // Each timed step gets an exchange never seen before (its own object), as a live capture does.
  const arriving = signInEntries(WARMUP + RUNS).filter((_, i) => i % 2 === 1).map(exchange);
  let next = 0;
  let state = full;
  const t = time(() => (state = analyzeNow(panelReducer(full, { type: 'captured', live: true, exchanges: [arriving[next++ % arriving.length]!] }))), {
    warmup: WARMUP,
    runs: RUNS,
  });
  if (state.exchanges.length !== MAX_SAML_EXCHANGES || state.dropped !== 1) throw new Error('the panel did not drop the oldest exchange');
  return {
    id: 'panel-analyze-500-plus-1',
    label: `panel: analyze ${MAX_SAML_EXCHANGES} exchanges + 1 new`,
    value: t.medianMs,
    unit: 'ms',
    target: 50,
    note: `the reducer step for one new exchange at the cap (the oldest dropped, indices shift): analysis, findings by message, list rows; 250 Entra Responses with 150 groups and their AuthnRequests; ${t.runs} runs`,
  };
}
