// Code the panel's first paint does not need, imported on demand and once: the engine when there is something
// to analyze, the message detail once there are messages, the redacted export when it is asked for.

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((e: unknown) => {
      // A failed load is tried again next time rather than remembered.
      loading = undefined;
      throw e;
    }));
}

export const loadEngine = once(() => import('@/utils/panel/panel-engine'));
export const loadDetail = once(() => import('./DetailPane'));
export const loadExport = once(() => import('./export-on-demand'));

export type EngineModule = Awaited<ReturnType<typeof loadEngine>>;
export type DetailModule = Awaited<ReturnType<typeof loadDetail>>;
export type ExportModule = Awaited<ReturnType<typeof loadExport>>;
