import type { Flow } from '@/utils/flow/types';
import { profileById } from '@/utils/profiles';

/** The checks a profile left out because it does not judge them (not those waiting for a group list). */
export function profileSkipped(flow: Flow | undefined): boolean {
  return !!flow?.skipped?.some((s) => s.reason.includes('profile does not judge'));
}

/**
 * Which service judged the message's flow and why, and what it did not check: silence from a profile that skips
 * attributes and groups is not a pass.
 */
export function JudgedBy({ flow }: { flow: Flow | undefined }) {
  if (!flow?.profile) return null;
  const label = profileById(flow.profile)?.label ?? flow.profile;
  const skipped = flow.skipped ?? [];
  return (
    <div class="judged-by" data-testid="judged-by">
      <p>
        Judged as <strong>{label}</strong>
        {flow.reason ? `: ${flow.reason.detail}.` : '.'}
        {profileSkipped(flow) && ' Attributes and groups were not checked: choose the service in the toolbar to check them.'}
      </p>
      {skipped.length > 0 && (
        <details>
          <summary>
            {skipped.length} {skipped.length === 1 ? 'check' : 'checks'} skipped
          </summary>
          <ul>
            {skipped.map((s) => (
              <li key={s.rule}>
                <code>{s.rule}</code>: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
