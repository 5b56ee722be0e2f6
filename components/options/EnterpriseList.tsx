import { useState } from 'preact/hooks';
import { SONAR_REGIONS } from '@/utils/links/sonarqube-cloud';
import type { Enterprise, Settings } from '@/utils/settings/schema';
import { EnterpriseForm } from './EnterpriseForm';
import { IdpMetadataEditor } from './IdpMetadataEditor';
import { InvitationsEditor } from './InvitationsEditor';
import type { IdpMetadataMap, IdpMetadataRecord } from '@/utils/settings/idp-metadata';

interface Props {
  settings: Settings;
  now: Date;
  onSave(enterprise: Enterprise): void;
  onRemove(id: string): void;
  onMove(id: string, delta: number): void;
  onSetDefault(id: string): void;
  /** Each enterprise's IdP metadata; the editor shows only when the page can store it. */
  metadata?: IdpMetadataMap;
  onMetadata?(id: string, record: IdpMetadataRecord | undefined): void | Promise<void>;
  fetchMetadata?(url: string): Promise<string>;
}

function describe(enterprise: Enterprise): string {
  return enterprise.service === 'sonarqube-cloud'
    ? `SonarQube Cloud · ${SONAR_REGIONS[enterprise.region].host} · key ${enterprise.key}`
    : `Devolutions Cloud · ${enterprise.url}`;
}

/** The saved enterprises in order; Alt+Arrow keys move the focused one. */
export function EnterpriseList({ settings, now, onSave, onRemove, onMove, onSetDefault, metadata, onMetadata, fetchMetadata }: Props) {
  const [editing, setEditing] = useState<string>();
  const [confirmRemove, setConfirmRemove] = useState<string>();
  const { enterprises } = settings;
  const defaultId = settings.defaultId ?? enterprises[0]?.id;

  if (!enterprises.length) {
    return <p class="muted">No enterprise yet. Add your SonarQube Cloud enterprise or Devolutions Cloud instance below.</p>;
  }

  return (
    <>
    {/* Headings go h1 > h2 > h3 > h4 (an enterprise, then its invitations) so screen-reader outlines make sense. */}
    <h2 id="saved-title">Saved enterprises</h2>
    <ol class="enterprise-list" aria-labelledby="saved-title" aria-describedby="saved-reorder-hint">
      {enterprises.map((enterprise, index) => (
        <li
          key={enterprise.id}
          class="card"
          onKeyDown={(e) => {
            if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
            e.preventDefault();
            onMove(enterprise.id, e.key === 'ArrowUp' ? -1 : 1);
          }}
        >
          {editing === enterprise.id ? (
            <EnterpriseForm
              initial={enterprise}
              onSubmit={(updated) => {
                onSave(updated);
                setEditing(undefined);
              }}
              onCancel={() => setEditing(undefined)}
            />
          ) : (
            <>
              <div class="row">
                <h3 class="grow enterprise-name">{enterprise.name}</h3>
                <label class="row default-choice">
                  <input
                    type="radio"
                    name="default-enterprise"
                    checked={enterprise.id === defaultId}
                    onChange={() => onSetDefault(enterprise.id)}
                  />
                  Default
                </label>
              </div>
              <p class="hint muted">{describe(enterprise)}</p>
              <div class="row">
                <button type="button" onClick={() => setEditing(enterprise.id)} aria-label={`Edit ${enterprise.name}`}>
                  Edit
                </button>
                <button
                  type="button"
                  disabled={index === 0}
                  aria-label={`Move ${enterprise.name} up`}
                  onClick={() => onMove(enterprise.id, -1)}
                >
                  ↑ Up
                </button>
                <button
                  type="button"
                  disabled={index === enterprises.length - 1}
                  aria-label={`Move ${enterprise.name} down`}
                  onClick={() => onMove(enterprise.id, 1)}
                >
                  ↓ Down
                </button>
                {confirmRemove === enterprise.id ? (
                  <span class="row" role="group" aria-label={`Confirm removing ${enterprise.name}`}>
                    <span>Remove {enterprise.name}?</span>
                    <button type="button" class="danger" onClick={() => onRemove(enterprise.id)}>
                      Yes, remove
                    </button>
                    <button type="button" onClick={() => setConfirmRemove(undefined)}>
                      Keep
                    </button>
                  </span>
                ) : (
                  <button type="button" aria-label={`Remove ${enterprise.name}`} onClick={() => setConfirmRemove(enterprise.id)}>
                    Remove
                  </button>
                )}
              </div>
              {onMetadata && (
                <IdpMetadataEditor
                  enterpriseId={enterprise.id}
                  enterpriseName={enterprise.name}
                  record={metadata?.[enterprise.id]}
                  now={now}
                  onSave={(record) => onMetadata(enterprise.id, record)}
                  {...(fetchMetadata ? { fetchUrl: fetchMetadata } : {})}
                />
              )}
              {enterprise.service === 'devolutions-cloud' && (
                <InvitationsEditor
                  invitations={enterprise.invitations}
                  now={now}
                  onChange={(invitations) => onSave({ ...enterprise, invitations })}
                />
              )}
            </>
          )}
        </li>
      ))}
    </ol>
    <p id="saved-reorder-hint" class="hint muted">Alt+Up and Alt+Down move the focused enterprise.</p>
    </>
  );
}
