import type { Flow } from '../flow/types';
import type { Message } from '../protocols/types';

/** One line of a sign-in's timeline: a protocol message or a hop around it, in capture order. */
export interface TraceRow {
  exchangeIndex: number;
  /** The message kind for protocol steps ('AuthnRequest', 'Response', …); absent for a hop. */
  kind?: string;
  messageKey?: string;
  method: string;
  url: string;
  status?: number;
  location?: string;
  mimeType?: string;
  /** Seconds after the flow's first step, when capture times are known. */
  offsetSeconds?: number;
  durationMs?: number;
  /** The IdP error page this step answered with ("AADSTS50105", "Okta error page"). */
  error?: string;
}

/** The flow's messages and hops merged by exchange, with times relative to its first step. */
export function traceRows(flow: Flow, messages: ReadonlyMap<string, Message>): TraceRow[] {
  const steps: Array<{ row: TraceRow; at: number }> = [];
  const seen = new Set<number>();
  for (const key of flow.messageKeys) {
    const m = messages.get(key);
    // One exchange can carry two messages: list it once.
    if (!m || seen.has(m.exchangeIndex)) continue;
    seen.add(m.exchangeIndex);
    steps.push({ row: defined({ exchangeIndex: m.exchangeIndex, kind: m.kind, messageKey: m.key, method: m.method, url: m.url, status: m.httpStatus }), at: Date.parse(m.capturedAt ?? '') });
  }
  for (const h of flow.hops ?? []) {
    steps.push({
      row: defined({ exchangeIndex: h.exchangeIndex, method: h.method, url: h.url, status: h.status, location: h.location, mimeType: h.mimeType, durationMs: h.durationMs }),
      at: Date.parse(h.capturedAt ?? ''),
    });
  }
  steps.sort((a, b) => a.row.exchangeIndex - b.row.exchangeIndex);
  const known = steps.map((s) => s.at).filter((t) => !Number.isNaN(t));
  const start = known.length ? Math.min(...known) : NaN;
  const errors = new Map((flow.errorPages ?? []).map((e) => [e.exchangeIndex, e.page.code ?? `${e.page.idp} error page`]));
  return steps.map(({ row, at }) => {
    if (!Number.isNaN(at) && !Number.isNaN(start)) row.offsetSeconds = Math.round((at - start) / 10) / 100;
    const error = errors.get(row.exchangeIndex);
    if (error) row.error = error;
    return row;
  });
}

/** Drops undefined fields, so rows compare and serialize cleanly. */
function defined(row: TraceRow): TraceRow {
  for (const k of Object.keys(row) as Array<keyof TraceRow>) if (row[k] === undefined) delete row[k];
  return row;
}
