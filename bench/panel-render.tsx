// The panel's message list, first render with 1,000 messages, in happy-dom (a DOM without layout or paint:
// this measures the list's own work: building rows from the analysis and creating the visible elements).
import { Window } from 'happy-dom';
import { render } from 'preact';
import { analyze } from '../utils/analyze';
import { listRows, NO_FILTERS } from '../utils/panel/filter-messages';
import type { Finding } from '../utils/rules/types';
import { signInEntries } from './inputs';
import type { Line } from './report';
import { time } from './timing';

/** A happy-dom window installed as the globals Preact renders into. */
export function installDom(): Window {
  const window = new Window({ url: 'https://panel.invalid/', width: 1200, height: 800 });
  const g = globalThis as Record<string, unknown>;
  for (const name of ['window', 'document', 'Node', 'Element', 'HTMLElement', 'Event', 'KeyboardEvent', 'MouseEvent']) {
    g[name] = name === 'window' ? window : (window as unknown as Record<string, unknown>)[name];
  }
  return window;
}

export async function panelListLine(): Promise<Line> {
  const window = installDom();
  // Imported after the DOM exists, as in the panel page.
  const { MessageList } = await import('../components/panel/MessageList');
  const analysis = analyze(signInEntries(500), { now: '2024-01-01T09:30:00Z' });
  if (analysis.messages.length !== 1000) throw new Error(`the list workload has ${analysis.messages.length} messages, expected 1,000`);
  const messages = new Map(analysis.messages.map((m) => [m.key, m]));
  const findingsByKey = new Map<string, Finding[]>();
  for (const f of analysis.findings) {
    if (!f.messageKey) continue;
    const list = findingsByKey.get(f.messageKey) ?? [];
    list.push(f);
    findingsByKey.set(f.messageKey, list);
  }
  const noop = () => {};
  let shown = 0;
  const t = time(
    () => {
      const container = window.document.createElement('div');
      window.document.body.appendChild(container);
      const rows = listRows(analysis.flows, messages, findingsByKey, NO_FILTERS);
      render(<MessageList rows={rows} onSelect={noop} onOpen={noop} onMove={noop} />, container as unknown as HTMLElement);
      shown = container.querySelectorAll('[data-testid="message-row"]').length;
      render(null, container as unknown as HTMLElement);
      container.remove();
    },
    { warmup: 10, runs: 100 },
  );
  if (!shown) throw new Error('the message list rendered no rows');
  await window.happyDOM.close();
  return {
    id: 'panel-list-1000-first-render',
    label: 'panel list, 1,000 messages, first render',
    value: t.medianMs,
    unit: 'ms',
    target: 100,
    note: `happy-dom; rows built from the analysis (listRows) + mount; ${shown} rows in view (the list is virtual); ${t.runs} runs`,
  };
}
