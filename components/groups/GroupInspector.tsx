import { useId, useMemo, useState } from 'preact/hooks';
import type { OrganizationGroups } from '@/utils/groups/store';

// Rendering 10,000 rows makes the page sluggish; searching narrows the list instead.
const SHOWN_AT_MOST = 500;

export function GroupInspector({ list, onClose }: { list: OrganizationGroups; onClose(): void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? list.groups.filter((g) => g.nameFolded.includes(q)) : list.groups;
  }, [list, query]);
  const shown = matches.slice(0, SHOWN_AT_MOST);
  const org = list.organization;

  return (
    <section class="groups-inspector" aria-labelledby={`${id}-title`}>
      <div class="groups-inspector-head">
        <h3 id={`${id}-title`}>
          Groups of {org.organization} ({org.region.toUpperCase()})
        </h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <label>
        Search
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} placeholder="Filter by name (any case)" autoFocus />
      </label>
      <p role="status" class="groups-hint">
        {matches.length === list.groups.length
          ? `${list.groups.length} groups`
          : `${matches.length} of ${list.groups.length} groups match`}
        {matches.length > SHOWN_AT_MOST && `; showing the first ${SHOWN_AT_MOST}, refine the search to see more`}
        {list.unreadable.length > 0 && `. ${list.unreadable.length} stored record(s) could not be read and are not shown`}
      </p>
      {shown.length ? (
        <ul class="groups-names">
          {shown.map((g) => (
            <li key={g.name}>
              <span class="groups-name" data-testid="group-name">{g.name}</span>
              {g.isDefault && <span class="groups-badge"> default group (never synced)</span>}
              {g.membersCount !== undefined && <span class="groups-muted"> · {g.membersCount} members</span>}
              {g.description && <span class="groups-muted"> · {g.description}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="groups-empty">No group name contains “{query.trim()}”.</p>
      )}
    </section>
  );
}
