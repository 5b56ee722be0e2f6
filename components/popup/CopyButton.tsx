import { useEffect, useRef, useState } from 'preact/hooks';
import { copyText } from './copy-text';

interface Props {
  label: string;
  /** The text, or a function building it at click time. */
  text: string | (() => string);
  onCopied?: () => void;
  className?: string;
}

/** A copy button that says "Copied" where the user is looking and to screen readers. */
export function CopyButton({ label, text, onCopied, className }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [failedText, setFailedText] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    const value = typeof text === 'function' ? text() : text;
    const ok = await copyText(value);
    clearTimeout(timer.current);
    setState(ok ? 'copied' : 'failed');
    setFailedText(ok ? '' : value);
    if (ok) {
      onCopied?.();
      timer.current = setTimeout(() => setState('idle'), 2000);
    }
  }

  return (
    <span class="copy">
      {/* The label turns into the confirmation where the user looks; the live region tells screen readers. */}
      <button type="button" class={`${className ?? ''} ${state === 'copied' ? 'copied' : ''}`.trim() || undefined} onClick={copy} aria-label={state === 'copied' ? `Copied: ${label}` : undefined}>
        {/* While it says "Copied", the name keeps what was copied and still contains the visible words (WCAG 2.5.3). */}
        {state === 'copied' ? (
          <>
            <span aria-hidden="true">✓ </span>Copied
          </>
        ) : (
          label
        )}
      </button>
      <span class="visually-hidden" role="status" aria-live="polite">
        {state === 'copied' ? 'Copied' : ''}
      </span>
      {state === 'failed' && (
        <span class="copy-failed">
          <span class="error-text">Could not copy. Select the text and copy it yourself:</span>
          <textarea readOnly rows={3} value={failedText} onFocus={(e) => e.currentTarget.select()} />
        </span>
      )}
    </span>
  );
}
