// Runs the whole engine with its async crypto step, for the signature, certificate and metadata rules.
import { analyzeWithTrust } from '../../utils/analyze-with-trust';
import type { AnalyzeOptions } from '../../utils/analyze';
import type { HarEntry } from '../../utils/har/types';
import type { Finding } from '../../utils/rules/types';
import { b64, postEntry } from './har-builder';

export const ACS_URL = 'https://sp.example.com/acs';

export const responseEntry = (xml: string) => postEntry(ACS_URL, 'SAMLResponse', b64(xml));

/** One rule's findings on these entries, analyzed with trust material (strict: a crashing rule fails the test). */
export async function trustFindings(rule: string, entries: HarEntry[], options: AnalyzeOptions = {}): Promise<Finding[]> {
  const a = await analyzeWithTrust(entries, { ...options, strict: true });
  return a.findings.filter((f) => f.rule === rule);
}
