import type { Analysis } from '../../utils/analyze';

// The panel counts exchanges from the first it kept since a clear (its keys survive dropping the oldest); analyze()
// counts from the first it is given. This renames the one into the other, so that the two compare.

/** Keys and indices of an analysis counted from `first`, flows numbered by position: what analyze() would say. */
export function asFresh(analysis: Analysis, first: number): unknown {
  const flowIds = new Map(analysis.flows.map((f, i) => [f.id, `flow-${i + 1}`]));
  const key = (k: string) => {
    const colon = k.indexOf(':');
    return `${Number(k.slice(0, colon)) - first}${k.slice(colon)}`;
  };
  const walk = (value: unknown, name?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, name === 'messageKeys' ? 'key' : undefined));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = walk(v, k);
      // A message judged at the wall clock is judged at a different instant by each run.
      if (name === 'judgedAt' && out.source === 'wall-clock') delete out.instant;
      return out;
    }
    if (typeof value === 'string' && (name === 'key' || name === 'messageKey' || name === 'requestKey' || name === 'responseKey' || name === 'tokenRequestKey' || name === 'tokenResponseKey')) return key(value);
    if (typeof value === 'string' && name === 'flowId') return flowIds.get(value) ?? value;
    if (typeof value === 'number' && name === 'exchangeIndex') return value - first;
    return value;
  };
  return walk({ ...analysis, flows: analysis.flows.map((f) => ({ ...f, id: flowIds.get(f.id) })) });
}
