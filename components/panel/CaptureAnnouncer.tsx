import { useEffect, useRef, useState } from 'preact/hooks';
import { nextAnnouncement, type AnnouncerState } from '@/utils/panel/capture-announcement';

interface Props {
  count: number;
  /** False while the list shows an imported file: its banner announces the import. */
  live: boolean;
}

/** A polite live region that tells screen-reader users about new captures, at most every few seconds. */
export function CaptureAnnouncer({ count, live }: Props) {
  const state = useRef<AnnouncerState>({ announced: count, at: 0 });
  const [text, setText] = useState('');
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const next = nextAnnouncement(state.current, count, Date.now(), live);
    state.current = next.state;
    if (next.text) setText(next.text);
    if (next.retryInMs === undefined) return;
    const timer = setTimeout(() => setTick((t) => t + 1), next.retryInMs);
    return () => clearTimeout(timer);
  }, [count, live, tick]);
  return (
    <p class="visually-hidden" role="status" aria-live="polite" data-testid="capture-announcer">
      {text}
    </p>
  );
}
