import type { Flow } from '@/utils/flow/types';
import { profileById } from '@/utils/profiles';
import type { ProfileCheck } from '@/utils/profiles/types';
import { judgedWords, profileLabel } from '@/utils/profiles/profile-label';

/** The flow was judged by the generic profile: no service's checks ran, so no finding is not a full "ok". */
export function profileSkipped(flow: Flow | undefined): boolean {
  return flow?.profile === 'generic';
}

const CHECKS: readonly ProfileCheck[] = ['attributes', 'groups'];

/** What the flow's profile does not judge, read from the profile, in the protocol's words ("claims and groups"). */
function notJudged(flow: Flow): string | undefined {
  const checks = flow.profile ? profileById(flow.profile)?.checks : undefined;
  const words = CHECKS.filter((c) => checks && !checks[c]).map((c) => judgedWords(c, flow.protocol));
  return words.length ? words.join(' and ') : undefined;
}

/**
 * Which service judged the message's flow and why, and what it did not check: silence from a profile that skips
 * attributes and groups is not a pass.
 */
export function JudgedBy({ flow }: { flow: Flow | undefined }) {
  if (!flow?.profile) return null;
  const label = profileLabel(flow.profile, flow.protocol);
  const skipped = flow.skipped ?? [];
  const unjudged = notJudged(flow);
  return (
    <div class="judged-by" data-testid="judged-by">
      <p>
        Judged as <strong>{label}</strong>
        {flow.reason ? `: ${flow.reason.detail}.` : '.'}
        {unjudged &&
          (profileSkipped(flow)
            ? ` ${unjudged[0]!.toUpperCase()}${unjudged.slice(1)} were not checked: choose the service in the toolbar to check them.`
            : ` Not judged under this profile: ${unjudged}.`)}
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
