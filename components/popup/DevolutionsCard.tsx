import { invitationExpiry, invitationText } from '@/utils/links/devolutions-cloud';
import type { DevolutionsInstance } from '@/utils/settings/schema';
import { CopyButton } from './CopyButton';
import { RolloutToggles } from './RolloutToggles';

interface Props {
  instance: DevolutionsInstance;
  isDefault: boolean;
  now: Date;
  onOpen(url: string): void;
  onManage(): void;
  onChange(change: (i: DevolutionsInstance) => DevolutionsInstance): void;
}

export function DevolutionsCard({ instance, isDefault, now, onOpen, onManage, onChange }: Props) {
  const titleId = `enterprise-${instance.id}`;
  // Newest first: the ones still open matter most.
  const invitations = [...instance.invitations].sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  return (
    <article class="card enterprise" aria-labelledby={titleId}>
      <header class="row">
        <h2 id={titleId}>{instance.name}</h2>
        {isDefault && <span class="badge level-ok">Default</span>}
        <span class="badge">Devolutions Cloud</span>
      </header>
      <p class="muted hint link-text">{instance.url}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => onOpen(instance.url)}>
          Open
        </button>
        <CopyButton label="Copy instance URL" text={instance.url} />
      </div>
      <h3>Invitations</h3>
      {invitations.length === 0 ? (
        <p class="hint muted">
          No invitations recorded. Devolutions Cloud e-mails each invitation itself, and it expires 7 days after it is sent;{' '}
          <button type="button" class="link" onClick={onManage}>
            record the ones you send
          </button>{' '}
          to see which need resending.
        </p>
      ) : (
        <ul class="invitations">
          {invitations.map((invitation) => {
            const expiry = invitationExpiry(invitation.sentAt, now);
            const level = !expiry || expiry.expired ? 'error' : expiry.daysLeft <= 1 ? 'warning' : 'ok';
            return (
              <li key={invitation.id} class={expiry?.expired ? 'expired' : ''}>
                <div class="row">
                  <strong>{invitation.who || 'Unnamed'}</strong>
                  <span class={`badge level-${level}`}>{expiry ? expiry.label : 'unreadable date'}</span>
                </div>
                <div class="hint muted">
                  Sent {invitation.sentAt.slice(0, 10)} · <span class="code">{invitation.code}</span>
                </div>
                <CopyButton label="Copy heads-up" text={() => invitationText(instance.url, invitation, now)} />
              </li>
            );
          })}
        </ul>
      )}
      {invitations.length > 0 && (
        <button type="button" class="link" onClick={onManage}>
          Record or remove invitations
        </button>
      )}
      <RolloutToggles idPrefix={titleId} troubleshootLabel="A user can’t get in?">
        {(views, view) => <views.DevolutionsRollout view={view} idPrefix={titleId} instance={instance} now={now} onChange={onChange} />}
      </RolloutToggles>
    </article>
  );
}
