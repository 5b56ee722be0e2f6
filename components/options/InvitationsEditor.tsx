import { useState } from 'preact/hooks';
import { invitationExpiry, type Invitation } from '@/utils/links/devolutions-cloud';
import { newId } from '@/utils/settings/schema';

interface Props {
  invitations: Invitation[];
  now: Date;
  onChange(invitations: Invitation[]): void;
}

/** The admin's local calendar date, as a date input wants it. */
function today(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Records the Devolutions Cloud invitations an admin sent, to see which expire soon. */
export function InvitationsEditor({ invitations, now, onChange }: Props) {
  const [who, setWho] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(today(now));
  const [problem, setProblem] = useState('');

  function add(event: Event) {
    event.preventDefault();
    if (!who.trim() && !code.trim()) return setProblem('Enter who was invited or the invitation ID/key.');
    if (Number.isNaN(Date.parse(sent))) return setProblem('Enter the date the invitation was sent.');
    // A date alone means "sent that day" in the admin's time zone, and the 7 days run from then.
    const sentAt = sent === today(now) ? now.toISOString() : new Date(`${sent}T00:00:00`).toISOString();
    onChange([...invitations, { id: newId(), who: who.trim(), code: code.trim(), sentAt }]);
    setWho('');
    setCode('');
    setProblem('');
  }

  return (
    <div class="invitations-editor">
      <h4>Invitations</h4>
      {invitations.length > 0 && (
        <ul>
          {invitations.map((invitation) => (
            <li key={invitation.id} class="row">
              <span>
                {invitation.who || 'Unnamed'} · {invitation.code} · sent {invitation.sentAt.slice(0, 10)} ·{' '}
                {invitationExpiry(invitation.sentAt, now)?.label ?? 'unreadable date'}
              </span>
              <button
                type="button"
                aria-label={`Remove the invitation for ${invitation.who || invitation.code}`}
                onClick={() => onChange(invitations.filter((i) => i.id !== invitation.id))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={add} aria-label="Record an invitation">
        <label class="field">
          <span>Who</span>
          <input type="text" value={who} onInput={(e) => setWho(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Invitation ID / key</span>
          <input type="text" value={code} spellcheck={false} onInput={(e) => setCode(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Sent on</span>
          <input type="date" value={sent} onInput={(e) => setSent(e.currentTarget.value)} />
        </label>
        <button type="submit">Record invitation</button>
      </form>
      {problem && (
        <p class="hint error-text" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
