// The devtools panel at its cap: one more exchange arrives, the oldest is dropped, and the panel's reducer
// analyzes what it keeps (incrementally: utils/panel/incremental-analysis.ts) and rebuilds its list. These lines
// time that one step at 500 and at 10,000 kept exchanges, as a live capture streams them in.
import type { Exchange, HarEntry } from '../utils/har/types';
import { IncrementalAnalysis } from '../utils/panel/incremental-analysis';
import { analysisRequest, initialPanelState, MAX_PANEL_EXCHANGES, panelReducer, type PanelState } from '../utils/panel/panel-state';
import { authnRequestEntry, entraResponseEntry, entraResponseXml, signInEntries } from './inputs';
import type { Line } from './report';
import { ratio, time } from './timing';

const SMALL = 500;
const WARMUP = 5;
const RUNS = 30;
/** Exchanges of one sign-in: the AuthnRequest, the Entra Response, and the landing redirects after it. */
const PER_SIGN_IN = 5;

const exchange = (entry: HarEntry): Exchange => ({ entry, source: 'panel' });

function hop(url: string, at: number, status: number, location?: string): HarEntry {
  return {
    startedDateTime: new Date(at).toISOString(),
    time: 40,
    request: { method: 'GET', url, headers: [] },
    response: { status, headers: location ? [{ name: 'Location', value: location }] : [], content: { size: 0, mimeType: 'text/html' } },
  };
}

/**
 * `count` sign-ins a minute apart, as the panel keeps them: a Redirect AuthnRequest, an Entra Response (20 groups)
 * POSTed to the ACS, which redirects to the project page, which loads two more pages. Ten thousand such exchanges
 * fit the byte cap (MAX_KEPT_BYTES), as a long support session of mostly redirects does.
 */
export function panelWorkload(count: number, from = 0): Exchange[] {
  const out: Exchange[] = [];
  for (let i = from; i < from + count; i++) {
    const id = `_req-${i}-${'0'.repeat(30)}`;
    const at = Date.UTC(2024, 0, 1, 9, 0, 0) + i * 60_000;
    out.push(exchange(authnRequestEntry(id, new Date(at).toISOString())));
    out.push(exchange(entraResponseEntry(entraResponseXml(20, id), new Date(at + 2000).toISOString())));
    out.push(exchange(hop('https://sonarcloud.io/sessions/init/saml', at + 2100, 302, 'https://sonarcloud.io/projects')));
    out.push(exchange(hop('https://sonarcloud.io/projects', at + 2200, 200)));
    out.push(exchange(hop('https://sonarcloud.io/api/navigation/global', at + 2300, 200)));
  }
  return out;
}

/** A panel at `cap` and the step that takes one more exchange through its reducer and its own engine. */
function streamingPanel(cap: number, arrivals: readonly Exchange[], kept = panelWorkload(cap / PER_SIGN_IN)) {
  const engine = new IncrementalAnalysis();
  const analyzed = (state: PanelState): PanelState => {
    const request = analysisRequest(state);
    return request ? panelReducer(state, { type: 'analyzed', request, analysis: engine.analyze(request.exchanges, request.dropped, request.options) }) : state;
  };
  let state = analyzed(panelReducer(initialPanelState({ maxExchanges: cap }), { type: 'captured', live: true, exchanges: kept }));
  if (state.exchanges.length !== cap) throw new Error(`the panel workload keeps ${state.exchanges.length} of ${cap} exchanges`);
  let next = 0;
  const step = () => {
    if (next >= arrivals.length) throw new Error('the panel workload ran out of new exchanges');
    const dropped = state.dropped;
    state = analyzed(panelReducer(state, { type: 'captured', live: true, exchanges: [arrivals[next++]!] }));
    if (state.exchanges.length !== cap || state.dropped !== dropped + 1) throw new Error('the panel did not drop the oldest exchange');
    return state;
  };
  return { step, state: () => state };
}

/** Each timed step gets an exchange never seen before (its own object), as a live capture does. */
const arrivals = (count: number, from: number) => panelWorkload(Math.ceil(count / PER_SIGN_IN), from);

export function panelAnalyzeLine(): Line {
  // As this line always measured: 250 sign-ins of an AuthnRequest and an Entra Response with 150 groups.
  const panel = streamingPanel(SMALL, signInEntries(WARMUP + RUNS).map(exchange), signInEntries(SMALL / 2).map(exchange));
  const t = time(panel.step, { warmup: WARMUP, runs: RUNS });
  return {
    id: 'panel-analyze-500-plus-1',
    label: `panel: analyze ${SMALL} exchanges + 1 new`,
    value: t.medianMs,
    unit: 'ms',
    target: 50,
    note: `the reducer step for one new exchange at a cap of ${SMALL} (the oldest dropped): incremental analysis, findings by message, list rows; 250 Entra Responses with 150 groups and their AuthnRequests; ${t.runs} runs`,
  };
}

export function panelAnalyze10kLines(): Line[] {
  const heapBefore = process.memoryUsage().heapUsed;
  const big = streamingPanel(MAX_PANEL_EXCHANGES, arrivals(3_000, 200_000));
  const perExchange = (process.memoryUsage().heapUsed - heapBefore) / MAX_PANEL_EXCHANGES;
  const t = time(big.step, { warmup: 20, runs: 200 });
  const small = streamingPanel(SMALL, arrivals(3_000, 300_000));
  const r = ratio(big.step, small.step, { rounds: 9, runsPerRound: 30 });
  const { analysis } = big.state();
  return [
    {
      id: 'panel-analyze-10000-plus-1',
      label: `panel: ${MAX_PANEL_EXCHANGES.toLocaleString('en')} exchanges + 1 new`,
      value: t.medianMs,
      unit: 'ms',
      target: 16,
      inclusive: true,
      note: `the reducer step for one new exchange at the cap (the oldest dropped): incremental analysis of ${analysis.messages.length} messages in ${analysis.flows.length} flows (${analysis.findings.length} findings), findings by message, list rows; ${t.runs} runs; p90 ${t.p90Ms.toFixed(2)} ms`,
    },
    {
      id: 'panel-analyze-10000-vs-500',
      label: `panel step at ${MAX_PANEL_EXCHANGES.toLocaleString('en')} vs at ${SMALL}`,
      value: r.ratio,
      unit: 'x',
      note: `medians ${r.subjectMs.toFixed(2)} ms vs ${r.baselineMs.toFixed(2)} ms, alternated in this process (each panel with its own engine)`,
    },
    {
      id: 'panel-heap-per-exchange',
      label: 'panel: heap per kept exchange',
      value: Math.max(0, perExchange) / 1024,
      unit: 'KB',
      note: `${MAX_PANEL_EXCHANGES.toLocaleString('en')} exchanges kept and analyzed (the entries, their messages, flows and findings, the list rows); heapUsed before and after, no forced GC (an upper bound)`,
    },
  ];
}
