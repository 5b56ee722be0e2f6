// Capacity: the recorder at its cap of 10,000 exchanges taking one more, and the panel's message list drawing
// 10,000 messages. Each figure is printed with its ratio to a baseline measured in the same process (the same
// step at 500 exchanges, the same list at 1,000 messages), so a busy machine shows in both.
import { render } from 'preact';
import { analyze, type Analysis } from '../utils/analyze';
import type { HarEntry } from '../utils/har/types';
import { listRows, NO_FILTERS } from '../utils/panel/filter-messages';
import { CaptureStore } from '../utils/recorder/capture-store';
import { MAX_RECORDED_EXCHANGES } from '../utils/recorder/protocol';
import type { Finding } from '../utils/rules/types';
import { signInEntries } from './inputs';
import { installDom } from './panel-render';
import type { Line } from './report';
import { ratio, time } from './timing';

const BASELINE_EXCHANGES = 500;

/** A store at `cap`, full of real sign-in exchanges (Entra Responses with 20 groups and their requests). */
function fullStore(cap: number, pool: readonly HarEntry[]): CaptureStore {
  const store = new CaptureStore(cap);
  for (let i = 0; i < cap; i++) store.add(1 + (i % 7), pool[i % pool.length]!);
  if (store.size !== cap) throw new Error(`the store holds ${store.size} of ${cap}`);
  return store;
}

/** The recorder's step for one new exchange at the cap: keep it, drop the oldest, write the index it mirrors. */
export function recorderAddLines(): Line[] {
  const pool = signInEntries(200, 20);
  const big = fullStore(MAX_RECORDED_EXCHANGES, pool);
  const small = fullStore(BASELINE_EXCHANGES, pool);
  let n = 0;
  const step = (store: CaptureStore) => () => {
    const { dropped } = store.add(1, pool[n++ % pool.length]!);
    if (dropped.length !== 1) throw new Error('the store did not drop the oldest exchange');
    return store.index();
  };
  const t = time(step(big), { warmup: 50, runs: 500 });
  const r = ratio(step(big), step(small), { rounds: 15, runsPerRound: 50 });
  // Memory: a store of entries of its own (each a copy, as each capture is), measured as the heap it adds.
  const heapBefore = process.memoryUsage().heapUsed;
  const probe = new CaptureStore(MAX_RECORDED_EXCHANGES);
  for (let i = 0; i < MAX_RECORDED_EXCHANGES; i++) probe.add(1, structuredClone(pool[i % pool.length]!));
  const perEntry = (process.memoryUsage().heapUsed - heapBefore) / MAX_RECORDED_EXCHANGES;
  if (probe.size !== MAX_RECORDED_EXCHANGES) throw new Error(`the memory probe holds ${probe.size}`);
  return [
    {
      id: 'recorder-add-at-10000',
      label: `recorder: ${MAX_RECORDED_EXCHANGES.toLocaleString('en')} exchanges + 1 new`,
      value: t.medianMs,
      unit: 'ms',
      target: 16,
      inclusive: true,
      note: `CaptureStore.add at the cap (the oldest dropped) + the index the session mirror writes; ${t.runs} runs; p90 ${t.p90Ms.toFixed(3)} ms`,
    },
    {
      id: 'recorder-add-at-10000-vs-500',
      label: `recorder add at ${MAX_RECORDED_EXCHANGES.toLocaleString('en')} vs at ${BASELINE_EXCHANGES}`,
      value: r.ratio,
      unit: 'x',
      note: `medians ${r.subjectMs.toFixed(3)} ms vs ${r.baselineMs.toFixed(3)} ms, alternated in this process; the index (one number per capture) is the part that grows`,
    },
    {
      id: 'recorder-heap-per-exchange',
      label: 'recorder: heap per kept exchange',
      value: Math.max(0, perEntry) / 1024,
      unit: 'KB',
      note: `${MAX_RECORDED_EXCHANGES.toLocaleString('en')} captures, half Redirect AuthnRequests and half Entra Responses with 20 groups; heapUsed before and after, no forced GC (an upper bound)`,
    },
  ];
}


/** `copies` analyses of the same capture as one, keys and flow ids made unique: 10,000 messages without judging them all at once. */
function repeated(analysis: Analysis, copies: number): { flows: Analysis['flows']; messages: Map<string, Analysis['messages'][number]>; findingsByKey: Map<string, Finding[]> } {
  const flows: Analysis['flows'] = [];
  const messages = new Map<string, Analysis['messages'][number]>();
  const findingsByKey = new Map<string, Finding[]>();
  for (let c = 0; c < copies; c++) {
    const key = (k: string) => `${c}:${k}`;
    for (const m of analysis.messages) messages.set(key(m.key), { ...m, key: key(m.key) });
    for (const f of analysis.flows) {
      flows.push({
        ...f,
        id: key(f.id),
        messageKeys: f.messageKeys.map(key),
        ...(f.requestKey ? { requestKey: key(f.requestKey) } : {}),
        ...(f.responseKey ? { responseKey: key(f.responseKey) } : {}),
      });
    }
    for (const f of analysis.findings) {
      if (!f.messageKey) continue;
      const list = findingsByKey.get(key(f.messageKey)) ?? [];
      list.push({ ...f, messageKey: key(f.messageKey) });
      findingsByKey.set(key(f.messageKey), list);
    }
  }
  return { flows, messages, findingsByKey };
}

export async function panelList10kLines(): Promise<Line[]> {
  const window = installDom();
  const { MessageList } = await import('../components/panel/MessageList');
  const analysis = analyze(signInEntries(500, 20), { now: '2024-01-01T09:30:00Z' });
  const big = repeated(analysis, 10);
  const small = repeated(analysis, 1);
  if (big.messages.size !== 10_000) throw new Error(`the list workload has ${big.messages.size} messages, expected 10,000`);
  const noop = () => {};
  let shown = 0;
  const draw = (data: ReturnType<typeof repeated>) => () => {
    const container = window.document.createElement('div');
    window.document.body.appendChild(container);
    const rows = listRows(data.flows, data.messages, data.findingsByKey, NO_FILTERS);
    render(<MessageList rows={rows} onSelect={noop} onOpen={noop} onMove={noop} />, container as unknown as HTMLElement);
    shown = container.querySelectorAll('[data-testid="message-row"]').length;
    render(null, container as unknown as HTMLElement);
    container.remove();
  };
  const t = time(draw(big), { warmup: 5, runs: 40 });
  if (!shown || shown >= 10_000) throw new Error(`the list drew ${shown} rows: it should draw only those in view`);
  const r = ratio(draw(big), draw(small), { rounds: 9, runsPerRound: 8 });
  await window.happyDOM.close();
  return [
    {
      id: 'panel-list-10000-first-render',
      label: 'panel list, 10,000 messages, first render',
      value: t.medianMs,
      unit: 'ms',
      target: 100,
      note: `happy-dom; listRows + mount; ${shown} rows in view (the list is virtual); ${t.runs} runs; p90 ${t.p90Ms.toFixed(1)} ms`,
    },
    {
      id: 'panel-list-10000-vs-1000',
      label: 'panel list first render, 10,000 vs 1,000 messages',
      value: r.ratio,
      unit: 'x',
      note: `medians ${r.subjectMs.toFixed(2)} ms vs ${r.baselineMs.toFixed(2)} ms, alternated in this process`,
    },
  ];
}
