import type { Severity } from '@/utils/rules/types';

const LABEL: Record<Severity | 'ok', string> = { error: 'error', warning: 'warning', info: 'info', ok: 'ok' };

/** The worst severity of a message (or one finding's): a word, not only a color. */
export function SeverityBadge({ severity }: { severity: Severity | null }) {
  const s = severity ?? 'ok';
  return (
    <span class={`badge badge-${s}`} data-testid="severity-badge" data-severity={s}>
      {LABEL[s]}
    </span>
  );
}
