import type { Severity } from '@/utils/rules/types';

const LABEL: Record<Severity | 'ok', string> = { error: 'error', warning: 'warning', info: 'info', ok: 'ok' };

/**
 * The worst severity of a message (or one finding's): a word, not only a color. `partial`: the service's own
 * checks did not run, so no finding is not "ok".
 */
export function SeverityBadge({ severity, partial = false, compact = false }: { severity: Severity | null; partial?: boolean; compact?: boolean }) {
  const s = severity ?? 'ok';
  const partialLabel = compact ? 'partial' : 'ok (protocol only)';
  return (
    <span class={`badge badge-${s}`} data-testid="severity-badge" data-severity={s} title={partial && s === 'ok' ? 'No problem in the protocol checks; attributes and groups were not checked' : undefined}>
      {partial && s === 'ok' ? partialLabel : LABEL[s]}
    </span>
  );
}
