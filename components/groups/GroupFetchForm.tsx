import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { GroupRegion } from '@/utils/groups/schema';
import { hostOf, type FetchRequest, type FetchState } from './use-group-fetch';
import { RegionSelect } from './RegionSelect';

export interface FetchPrefill {
  organization: string;
  region: GroupRegion;
  /** Changes on every request, so asking twice for the same organization still refocuses. */
  nonce: number;
}

interface Props {
  state: FetchState;
  rememberedTokens: Partial<Record<GroupRegion, string>>;
  prefill?: FetchPrefill;
  onStart(request: FetchRequest): void;
  onCancel(): void;
}

export function GroupFetchForm({ state, rememberedTokens, prefill, onStart, onCancel }: Props) {
  const id = useId();
  const [organization, setOrganization] = useState('');
  const [region, setRegion] = useState<GroupRegion>('eu');
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(false);
  const tokenInput = useRef<HTMLInputElement>(null);
  const busy = state.phase === 'permission' || state.phase === 'fetching';

  // A remembered token fills the field (and keeps "remember" ticked) until the user changes it.
  useEffect(() => {
    const saved = rememberedTokens[region];
    if (saved) {
      setToken(saved);
      setRemember(true);
    }
  }, [rememberedTokens, region]);

  useEffect(() => {
    if (!prefill) return;
    setOrganization(prefill.organization);
    setRegion(prefill.region);
    tokenInput.current?.focus();
  }, [prefill]);

  useEffect(() => {
    // The token is not kept in the page after a fetch unless the user asked to remember it.
    if (state.phase === 'done' && !remember) setToken('');
  }, [state.phase]);

  return (
    <form
      class="groups-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        onStart({ organization, region, token, remember });
      }}
    >
      <h3 id={`${id}-title`}>Fetch from SonarQube Cloud</h3>
      <p class="groups-hint">
        Reads <code>api/user_groups/search</code> with a token of an organization administrator. SSO Lens asks for access to{' '}
        {hostOf(region)} when you fetch; the token is sent only there.
      </p>
      <div class="groups-fields">
        <label>
          Organization key
          <input
            value={organization}
            onInput={(e) => setOrganization(e.currentTarget.value)}
            placeholder="my-org"
            autoComplete="off"
            spellcheck={false}
            required
            disabled={busy}
          />
        </label>
        <RegionSelect value={region} onChange={setRegion} disabled={busy} />
        <label>
          Token
          <input
            ref={tokenInput}
            type="password"
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
            autoComplete="off"
            required
            disabled={busy}
          />
        </label>
      </div>
      <label class="groups-check">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} disabled={busy} />
        Remember the token on this computer (stored unencrypted in the extension's local storage)
      </label>
      <div class="groups-actions">
        <button type="submit" disabled={busy}>
          Fetch groups
        </button>
        {busy && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <FetchStatus state={state} />
    </form>
  );
}

function FetchStatus({ state }: { state: FetchState }) {
  switch (state.phase) {
    case 'idle':
      return null;
    case 'permission':
      return <p role="status">Waiting for permission to reach {hostOf(state.region)}…</p>;
    case 'fetching': {
      const p = state.progress;
      return (
        <div role="status" class="groups-progress">
          <progress max={p?.pages ?? 1} value={p?.page ?? 0} aria-label={`Fetching groups of ${state.organization}`} />
          <span>{p ? `Page ${p.page} of ${p.pages} · ${p.received} of ${p.total} groups` : `Fetching groups of ${state.organization}…`}</span>
        </div>
      );
    }
    case 'done':
      return (
        <p role="status" class="groups-ok">
          Cached {state.count} groups of {state.organization} ({state.region.toUpperCase()}).
          {state.note && ` ${state.note}`}
        </p>
      );
    case 'cancelled':
      return <p role="status">Fetch cancelled; the cached list of {state.organization} was left as it was.</p>;
    case 'error':
      return (
        <p role="alert" class="groups-error">
          {state.message}
        </p>
      );
  }
}
