import { useState } from 'preact/hooks';
import { describeAge, isStale } from '@/utils/groups/staleness';
import type { CachedOrganization } from '@/utils/groups/store';

const SOURCE_LABEL: Record<CachedOrganization['source'], string> = {
  fetch: 'fetched from the API',
  'api-json': 'imported from API JSON',
  csv: 'imported from CSV',
  paste: 'pasted',
};

interface Props {
  organizations: CachedOrganization[];
  now: number;
  inspecting?: string;
  onInspect(org: CachedOrganization): void;
  onRefresh(org: CachedOrganization): void;
  onDelete(org: CachedOrganization): Promise<void>;
}

export function CachedOrganizationList({ organizations, now, inspecting, onInspect, onRefresh, onDelete }: Props) {
  const [confirming, setConfirming] = useState<string | undefined>();
  const [deleting, setDeleting] = useState<string | undefined>();

  if (!organizations.length) {
    return (
      <p class="groups-empty">
        No group lists cached yet. Fetch one from SonarQube Cloud or import a list below; the parity checks use them to tell which IdP
        groups will match.
      </p>
    );
  }
  return (
    <ul class="groups-orgs" aria-label="Cached organizations">
      {organizations.map((org) => {
        const stale = isStale(org.fetchedAt, now);
        const label = `${org.organization} (${org.region.toUpperCase()})`;
        return (
          <li key={org.key} class={inspecting === org.key ? 'groups-org is-open' : 'groups-org'}>
            <div class="groups-org-info">
              <strong>{label}</strong>
              <span>
                {org.groupCount} {org.groupCount === 1 ? 'group' : 'groups'} · {SOURCE_LABEL[org.source]}{' '}
                <time dateTime={new Date(org.fetchedAt).toISOString()} title={new Date(org.fetchedAt).toLocaleString()}>
                  {describeAge(org.fetchedAt, now)}
                </time>
                {stale && <span class="groups-stale"> · may be out of date</span>}
              </span>
            </div>
            {confirming === org.key ? (
              <div class="groups-actions" role="group" aria-label={`Confirm deleting ${label}`}>
                <span>Delete the cached groups of {label}?</span>
                <button
                  type="button"
                  class="groups-danger"
                  disabled={deleting === org.key}
                  onClick={async () => {
                    setDeleting(org.key);
                    try {
                      await onDelete(org);
                    } finally {
                      setDeleting(undefined);
                      setConfirming(undefined);
                    }
                  }}
                >
                  Delete
                </button>
                <button type="button" onClick={() => setConfirming(undefined)} autoFocus>
                  Keep
                </button>
              </div>
            ) : (
              <div class="groups-actions">
                <button type="button" onClick={() => onInspect(org)} aria-expanded={inspecting === org.key} aria-label={`Inspect ${label}`}>
                  Inspect
                </button>
                <button type="button" onClick={() => onRefresh(org)} aria-label={`Refresh ${label}`}>
                  Refresh
                </button>
                <button type="button" onClick={() => setConfirming(org.key)} aria-label={`Delete ${label}`}>
                  Delete
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
