/** Median and spread of a timed function, after warm-up, so that one GC pause or a busy core does not decide. */
export interface Timing {
  medianMs: number;
  minMs: number;
  p90Ms: number;
  runs: number;
}

export interface TimingOptions {
  warmup?: number;
  runs?: number;
  /** Stop early once this much wall time has been spent measuring (the runs already done still count). */
  budgetMs?: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The result of `fn` is kept in a sink so the optimizer cannot drop the work. */
export let sink: unknown;

export function time(fn: () => unknown, { warmup = 20, runs = 200, budgetMs = 10_000 }: TimingOptions = {}): Timing {
  for (let i = 0; i < warmup; i++) sink = fn();
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = fn();
    samples.push(performance.now() - t0);
    if (performance.now() - started > budgetMs && samples.length >= 5) break;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    medianMs: median(sorted),
    minMs: sorted[0]!,
    p90Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]!,
    runs: sorted.length,
  };
}

/**
 * The ratio of two timed functions measured in alternation, so both see the same machine load: the median of
 * per-round ratios of round medians.
 */
export function ratio(subject: () => unknown, baseline: () => unknown, { rounds = 15, runsPerRound = 30 } = {}) {
  time(subject, { warmup: 50, runs: 1 });
  time(baseline, { warmup: 50, runs: 1 });
  const ratios: number[] = [];
  const subjectMs: number[] = [];
  const baselineMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const s = time(subject, { warmup: 3, runs: runsPerRound }).medianMs;
    const b = time(baseline, { warmup: 3, runs: runsPerRound }).medianMs;
    subjectMs.push(s);
    baselineMs.push(b);
    ratios.push(s / b);
  }
  return { ratio: median(ratios), subjectMs: median(subjectMs), baselineMs: median(baselineMs) };
}
