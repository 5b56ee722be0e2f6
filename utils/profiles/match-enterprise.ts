import type { EnterpriseContext, FlowFacts, ProfileId, ProfileReason } from './types';

function normalized(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url.trim().replace(/\/+$/, '');
  }
}

function origin(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.origin === 'null' ? undefined : u.origin.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The first enterprise of `profile` the flow belongs to: it names the enterprise's ACS URL or entity ID (values
 * from the service's setup assistant), or goes to one of the enterprise's own URLs (same origin).
 */
export function matchEnterprise(facts: FlowFacts, enterprises: readonly EnterpriseContext[], profile: ProfileId): ProfileReason | undefined {
  const urls = new Set(facts.urls.map(normalized));
  const origins = new Set(facts.urls.map(origin));
  for (const e of enterprises) {
    if (e.profile !== profile) continue;
    const sp = [e.sp?.acsUrl, e.sp?.entityId].filter((v): v is string => !!v);
    const hit = sp.find((v) => urls.has(normalized(v))) ?? e.urls?.find((u) => origin(u) !== undefined && origins.has(origin(u)));
    if (hit) return { by: 'enterprise', enterpriseId: e.id, detail: `the flow goes to ${hit}, set up for ${e.name}` };
  }
  return undefined;
}
