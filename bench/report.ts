// One measured line of the benchmark, its verdict, the table, and the regression check against committed figures.

export interface Line {
  /** Stable key in results.json: renaming one loses its history. */
  id: string;
  label: string;
  value: number;
  unit: 'ms' | 'x' | 'KB' | 'MB';
  /** Upper bound (inclusive when `inclusive`), or none for a line that is reported only. */
  target?: number;
  inclusive?: boolean;
  /** How the figure was taken (runs, what the memory figure is, which files make up a size). */
  note?: string;
}

export type Verdict = 'pass' | 'MISS' | 'info';

export function verdict(line: Line): Verdict {
  if (line.target === undefined) return 'info';
  return (line.inclusive ? line.value <= line.target : line.value < line.target) ? 'pass' : 'MISS';
}

export interface Results {
  machine: {
    node: string;
    platform: string;
    cpus: number;
    cpuModel: string;
    /** 1-minute load average when the run started and ended: on a shared machine it says what a figure is worth. */
    loadAverage?: { start: number; end: number };
  };
  measuredAt: string;
  lines: Array<Line & { verdict: Verdict }>;
}

/** More than this many times the committed figure fails the run. */
export const REGRESSION_FACTOR = 2;

export interface Regression {
  id: string;
  label: string;
  before: number;
  now: number;
  unit: Line['unit'];
}

/**
 * Lines that got more than REGRESSION_FACTOR times worse than the committed results. A figure that was zero or
 * is missing on either side cannot be compared and is skipped.
 */
export function regressions(previous: { lines: readonly Line[] } | undefined, current: readonly Line[]): Regression[] {
  if (!previous) return [];
  const before = new Map(previous.lines.map((l) => [l.id, l]));
  const out: Regression[] = [];
  for (const line of current) {
    const old = before.get(line.id);
    if (!old || !(old.value > 0) || !Number.isFinite(line.value)) continue;
    if (line.value > old.value * REGRESSION_FACTOR) out.push({ id: line.id, label: line.label, before: old.value, now: line.value, unit: line.unit });
  }
  return out;
}

export function formatValue(value: number, unit: Line['unit']): string {
  if (unit === 'x') return `${value.toFixed(2)}×`;
  if (unit === 'ms') return `${value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(2) : value.toFixed(0)} ms`;
  return `${value.toFixed(1)} ${unit}`;
}

function formatTarget(line: Line): string {
  if (line.target === undefined) return '—';
  return `${line.inclusive ? '≤' : '<'} ${formatValue(line.target, line.unit)}`;
}

export function table(lines: readonly Line[], previous?: { lines: readonly Line[] }): string {
  const before = new Map(previous?.lines.map((l) => [l.id, l.value]) ?? []);
  const rows = lines.map((l) => {
    const old = before.get(l.id);
    return [
      l.label,
      formatValue(l.value, l.unit),
      formatTarget(l),
      verdict(l),
      old !== undefined && old > 0 ? `${(l.value / old).toFixed(2)}×` : '—',
    ];
  });
  const head = ['line', 'median', 'target', 'verdict', 'vs committed'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}
