import type { Analysis } from '../analyze';
import type { TrustMaterial } from '../trust/types';
import { IncrementalAnalysis } from './incremental-analysis';
import type { AnalysisRequest } from './panel-state';
import { panelTrust } from './panel-trust';

// The panel's analyses, one request after another, through one incremental engine per page: what it read and
// judged for the last capture is reused for the next (the keys count exchanges from the first ever kept).

const engine = new IncrementalAnalysis();

/** The trust material for a request: the metadata of the IdPs its messages talk to, the pasted SP key. */
export function requestTrust(request: AnalysisRequest): TrustMaterial | undefined {
  return panelTrust(engine.messagesOf(request.exchanges, request.dropped), request.trust);
}

/** The rules' verdict on the request's exchanges now (signature results only where already known). */
export function analyzeRequest(request: AnalysisRequest, trust?: TrustMaterial): Analysis {
  return engine.analyze(request.exchanges, request.dropped, trust ? { ...request.options, trust } : request.options);
}

/** The same once the async steps (signatures, decryption) have run on the messages they have not seen yet. */
export function analyzeRequestWithTrust(request: AnalysisRequest, trust?: TrustMaterial): Promise<Analysis> {
  return engine.analyzeWithTrust(request.exchanges, request.dropped, trust ? { ...request.options, trust } : request.options);
}
