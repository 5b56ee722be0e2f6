import { judge, readMessages, type AnalyzeOptions, type Analysis } from './analyze';
import type { Exchange, HarEntry } from './har/types';
import { enrich } from './trust/enrich';

/**
 * The pipeline with its async step: read the messages, let the enrich steps (signature verification,
 * decryption; loaded on demand) add their results, then build flows and run the rules.
 */
export async function analyzeWithTrust(input: readonly (HarEntry | Exchange)[], options: AnalyzeOptions = {}): Promise<Analysis> {
  const messages = readMessages(input, options.readCache);
  await enrich(messages, options.trust, { strict: options.strict });
  return judge(input, messages, options);
}
