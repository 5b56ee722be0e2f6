import '../rollout/rollout.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { RolloutView } from '../rollout/rollout-views';

type Views = typeof import('../rollout/rollout-views');
let loading: Promise<Views> | undefined;

interface Props {
  idPrefix: string;
  troubleshootLabel: string;
  /** Renders the open view once its code is loaded. */
  children(views: Views, view: RolloutView): ComponentChildren;
}

/**
 * "Rollout checklist" and the troubleshooter under an enterprise's card. Their texts are loaded on first use
 * (import()), so the popup opens as fast without them.
 */
export function RolloutToggles({ idPrefix, troubleshootLabel, children }: Props) {
  const [view, setView] = useState<RolloutView>();
  const [views, setViews] = useState<Views>();
  const [failed, setFailed] = useState('');
  useEffect(() => {
    if (!view || views) return;
    let live = true;
    (loading ??= import('../rollout/rollout-views')).then(
      (v) => live && setViews(v),
      (e: Error) => {
        loading = undefined;
        if (live) setFailed(e.message);
      },
    );
    return () => {
      live = false;
    };
  }, [view, views]);

  const toggle = (which: RolloutView) => setView(view === which ? undefined : which);
  const panelId = `${idPrefix}-rollout`;
  return (
    <>
      <div class="row rollout-toggles">
        <button type="button" class="link" aria-expanded={view === 'checklist'} aria-controls={panelId} onClick={() => toggle('checklist')}>
          Rollout checklist
        </button>
        <button type="button" class="link" aria-expanded={view === 'troubleshoot'} aria-controls={panelId} onClick={() => toggle('troubleshoot')}>
          {troubleshootLabel}
        </button>
      </div>
      {view && (
        <div id={panelId}>
          {views ? children(views, view) : failed ? <p class="hint error-text" role="alert">Could not load: {failed}</p> : <p class="hint muted">Loading…</p>}
        </div>
      )}
    </>
  );
}
