import { analyzeRequest, requestTrust } from './panel-analysis';
import { analysisRequest, panelReducer, type PanelState } from './panel-state';

// Apart from the reducer so that the panel's first load does not carry the engine (the view imports it on demand).

/** Runs the pending analysis synchronously (no async trust step): for tests and the benchmark. */
export function analyzeNow(state: PanelState): PanelState {
  const request = analysisRequest(state);
  return request ? panelReducer(state, { type: 'analyzed', request, analysis: analyzeRequest(request, requestTrust(request)) }) : state;
}
