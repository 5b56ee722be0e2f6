import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A view whose code loads when it is first shown, so the panel's first load stays within its budget
 * (the certificate view brings the X.509 wording; the crypto itself loads later still).
 */
export function LazyView<P extends object>({ load, props }: { load: () => Promise<ComponentType<P>>; props: P }) {
  const [View, setView] = useState<{ C: ComponentType<P> } | { failed: string }>();
  useEffect(() => {
    let live = true;
    load().then(
      (C) => live && setView({ C }),
      (e: unknown) => live && setView({ failed: (e as Error)?.message ?? String(e) }),
    );
    return () => {
      live = false;
    };
  }, []);
  if (!View) return <p class="muted">Loading…</p>;
  if ('failed' in View) return <p role="alert">This view could not be loaded: {View.failed}</p>;
  return <View.C {...props} />;
}
