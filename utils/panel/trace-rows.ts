import type { Flow } from '../flow/types';
import type { Message } from '../protocols/types';
import type { SeenRequest } from './seen-requests';

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
  /** In the list of every request: the protocol of a message row ('saml', 'oidc'). */
  protocol?: string;
  /** In the list of every request: the row is a step of the flow the detail shows. */
  inFlow?: boolean;
}

/** At most this many rows of the capture are drawn in the list of every request (the last ones). */
export const MAX_CAPTURE_ROWS = 2_000;

/**
 * Every request the panel saw, SAML-tracer style, in capture order: protocol rows carry their message and protocol,
 * the flow's own steps are marked, times are relative to the flow's first step. A request the panel did not keep
 * has `exchangeIndex` -1. Only the last MAX_CAPTURE_ROWS are listed; `total` says how many there were.
 */
export function captureRows(flow: Flow, messages: ReadonlyMap<string, Message>, requests: readonly SeenRequest[]): { rows: TraceRow[]; total: number } {
  const flowRows = traceRows(flow, messages);
  const inFlow = new Map(flowRows.map((r) => [r.exchangeIndex, r]));
  const byExchange = new Map<number, Message>();
  for (const m of messages.values()) if (!byExchange.has(m.exchangeIndex)) byExchange.set(m.exchangeIndex, m);
  const first = flowRows.length ? requests.find((r) => r.exchangeIndex === flowRows[0]!.exchangeIndex) : undefined;
  const firstAt = first ? Date.parse(first.startedAt ?? '') - (flowRows[0]!.offsetSeconds ?? 0) * 1000 : NaN;
  const rows: TraceRow[] = [];
  for (let position = Math.max(0, requests.length - MAX_CAPTURE_ROWS); position < requests.length; position++) {
    const request = requests[position]!;
    const i = request.exchangeIndex ?? -1;
    const own = inFlow.get(i);
    const m = i >= 0 ? byExchange.get(i) : undefined;
    if (own) {
      rows.push({ ...own, inFlow: true, ...(m ? { protocol: m.protocol } : {}) });
      continue;
    }
    const at = Date.parse(request.startedAt ?? '');
    rows.push(
      defined({
        exchangeIndex: i,
        kind: m?.kind,
        messageKey: m?.key,
        protocol: m?.protocol,
        method: request.method,
        url: request.url,
        status: m?.httpStatus ?? request.status,
        location: request.location,
        mimeType: request.mimeType,
        durationMs: request.durationMs,
        offsetSeconds: Number.isNaN(at) || Number.isNaN(firstAt) ? undefined : Math.round((at - firstAt) / 10) / 100,
        inFlow: false,
      }),
    );
  }
  return { rows, total: requests.length };
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
