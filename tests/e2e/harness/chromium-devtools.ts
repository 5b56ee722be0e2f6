import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

// Chromium opens DevTools only from launch on (--auto-open-devtools-for-tabs), in a window no automation
// library lists. This reaches it over a second CDP endpoint (--remote-debugging-port=0, written to the profile's
// DevToolsActivePort) and asks the DevTools front end itself to show the add-on's panel. The front end's module
// paths and InspectorView API are Chromium internals: a Chromium update may need this file changed.

interface CdpReply {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

interface MinimalWebSocket {
  onopen: (() => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: string }) => void) | null;
  send(data: string): void;
  close(): void;
}

/** Runs in a DevTools front end: shows the panel titled `title` if this DevTools inspects `url`. */
const SHOW_PANEL = (url: string, title: string) => `(async () => {
  const SDK = await import('./core/sdk/sdk.js');
  const UI = await import('./ui/legacy/legacy.js');
  const target = SDK.TargetManager.TargetManager.instance().primaryPageTarget();
  if (!target || target.inspectedURL() !== ${JSON.stringify(url)}) return 'other page';
  const view = UI.InspectorView.InspectorView.maybeGetInspectorViewInstance?.();
  if (!view) return 'not ready';
  const pane = view.tabbedPane;
  const index = pane.tabs.findIndex((tab) => tab.title === ${JSON.stringify(title)});
  if (index < 0) return 'no panel yet';
  await view.showPanel(pane.tabIds()[index]);
  return 'shown';
})()`;

export async function showChromiumDevToolsPanel(userDataDir: string, url: string, title: string): Promise<void> {
  const [port, path] = (await readFile(join(userDataDir, 'DevToolsActivePort'), 'utf8')).split('\n');
  const Socket = (globalThis as unknown as { WebSocket?: new (url: string) => MinimalWebSocket }).WebSocket;
  if (!Socket) throw new Error('This Node has no WebSocket: run the suite on Node 22 (npm scripts do, through the node devDependency)');
  const ws = new Socket(`ws://127.0.0.1:${port}${path}`);
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error('Could not reach Chromium over CDP'));
  });
  let lastId = 0;
  const pending = new Map<number, (reply: CdpReply) => void>();
  ws.onmessage = (event) => {
    const reply = JSON.parse(event.data) as CdpReply;
    if (reply.id !== undefined) pending.get(reply.id)?.(reply);
  };
  const send = (method: string, params: object, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++lastId;
      pending.set(id, (reply) => (reply.error ? reject(new Error(`${method}: ${reply.error.message}`)) : resolve(reply.result ?? {})));
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  try {
    const states: string[] = [];
    for (let attempt = 0; attempt < 60; attempt++) {
      const { targetInfos } = (await send('Target.getTargets', {})) as { targetInfos: Array<{ targetId: string; url: string }> };
      states.length = 0;
      for (const info of targetInfos.filter((t) => t.url.startsWith('devtools://devtools/bundled/devtools_app.html'))) {
        // The DevTools window of a tab closed a moment ago (a popup) can be gone by now: look at the others.
        const attached = (await send('Target.attachToTarget', { targetId: info.targetId, flatten: true }).catch(() => undefined)) as { sessionId: string } | undefined;
        if (!attached) continue;
        const { sessionId } = attached;
        const { result } = (await send('Runtime.evaluate', { expression: SHOW_PANEL(url, title), awaitPromise: true, returnByValue: true }, sessionId)) as {
          result: { value?: string };
        };
        await send('Target.detachFromTarget', { sessionId });
        if (result.value === 'shown') return;
        states.push(String(result.value));
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`DevTools never showed a panel titled ${title} for ${url} (${states.join(', ') || 'no DevTools open'})`);
  } finally {
    ws.close();
  }
}
