import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchOrganizationGroups, FetchGroupsError, SERVICE_ORIGINS, type FetchProgress } from '@/utils/groups/fetch-groups';
import type { GroupRegion } from '@/utils/groups/schema';
import type { CachedOrganization, GroupStore } from '@/utils/groups/store';
import type { GroupsPlatform } from './groups-platform';

export interface FetchRequest {
  organization: string;
  region: GroupRegion;
  token: string;
  remember: boolean;
}

export type FetchState =
  | { phase: 'idle' }
  | { phase: 'permission'; organization: string; region: GroupRegion }
  | { phase: 'fetching'; organization: string; region: GroupRegion; progress?: FetchProgress }
  | { phase: 'done'; organization: string; region: GroupRegion; count: number; note?: string }
  | { phase: 'cancelled'; organization: string }
  | { phase: 'error'; message: string };

export function hostOf(region: GroupRegion): string {
  return new URL(SERVICE_ORIGINS[region]).hostname;
}

/**
 * Runs a fetch from the service into the cache. `start` must be called from the click/submit handler itself:
 * browsers grant `permissions.request` only inside a user action, so it is the first call made.
 */
export function useGroupFetch(platform: GroupsPlatform, store: GroupStore | undefined, onSaved: (org: CachedOrganization) => void) {
  const [state, setState] = useState<FetchState>({ phase: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  function start(request: FetchRequest): void {
    const organization = request.organization.trim();
    const token = request.token.trim();
    if (!organization) return setState({ phase: 'error', message: 'Enter the organization key.' });
    if (!token) return setState({ phase: 'error', message: 'Enter a user token of an organization administrator.' });
    if (!store) return setState({ phase: 'error', message: 'The group cache is not available; see the message above.' });
    const permission = platform.requestHostPermission(`${SERVICE_ORIGINS[request.region]}/*`);
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'permission', organization, region: request.region });
    void run(store, permission, { ...request, organization, token }, abort);
  }

  async function run(store: GroupStore, permission: Promise<boolean>, request: FetchRequest, abort: AbortController) {
    const { organization, region, token } = request;
    const granted = await permission.catch(() => false);
    if (abort.signal.aborted) return setState({ phase: 'cancelled', organization });
    if (!granted) {
      return setState({
        phase: 'error',
        message: `SSO Lens needs access to ${hostOf(region)} to fetch the group list, and the permission was not granted. You can import the list from a file instead.`,
      });
    }
    setState({ phase: 'fetching', organization, region });
    let saved: CachedOrganization;
    try {
      const result = await fetchOrganizationGroups({
        organization,
        region,
        token,
        signal: abort.signal,
        fetch: platform.fetch,
        onProgress: (progress) => setState({ phase: 'fetching', organization, region, progress }),
      });
      if (!result.groups.length) {
        return setState({ phase: 'error', message: `${hostOf(region)} returned no groups for "${organization}"; the cache was left as it is.` });
      }
      saved = await store.replaceOrganization({ region, organization, source: 'fetch' }, result.groups);
    } catch (error) {
      if (error instanceof FetchGroupsError && error.code === 'cancelled') return setState({ phase: 'cancelled', organization });
      return setState({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
    }
    let note: string | undefined;
    try {
      if (request.remember) await platform.rememberToken(region, token);
      else await platform.forgetToken(region);
    } catch (error) {
      note = `The token could not be ${request.remember ? 'remembered' : 'forgotten'}: ${(error as Error).message}`;
    }
    setState({ phase: 'done', organization, region, count: saved.groupCount, ...(note ? { note } : {}) });
    onSaved(saved);
  }

  return { state, start, cancel: () => controller.current?.abort() };
}
