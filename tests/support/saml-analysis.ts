// SAML tests read SAML fields off the engine's messages: this analyze() says so, and fails loudly if another
// protocol's message turns up in a SAML capture (a detection bug worth a failing test).
import { analyze, type Analysis, type AnalyzeOptions } from '../../utils/analyze';
import { analyzeWithTrust } from '../../utils/analyze-with-trust';
import type { Exchange, HarEntry } from '../../utils/har/types';
import type { SamlFlow } from '../../utils/flow/types';
import type { SamlMessage } from '../../utils/saml/types';

export interface SamlAnalysis extends Analysis {
  messages: SamlMessage[];
  flows: SamlFlow[];
}

export function analyzeSaml(input: readonly (HarEntry | Exchange)[], options?: AnalyzeOptions): SamlAnalysis {
  return onlySaml(analyze(input, options));
}

function onlySaml(analysis: Analysis): SamlAnalysis {
  const other = analysis.messages.find((m) => m.protocol !== 'saml');
  if (other) throw new Error(`a SAML capture yielded a ${other.protocol} message (${other.key} ${other.kind})`);
  return analysis as SamlAnalysis;
}

/** The same for the analysis with the async trust step (signatures, decryption). */
export async function analyzeSamlWithTrust(input: readonly (HarEntry | Exchange)[], options?: AnalyzeOptions): Promise<SamlAnalysis> {
  return onlySaml(await analyzeWithTrust(input, options));
}
