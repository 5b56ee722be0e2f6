import type { EnterpriseContext, FlowFacts, ProfileId, ProfileReason } from './types';

function normalized(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url.trim().replace(/\/+$/, '');
  }
}

/** With the query (sorted), for links that differ only there (`/login/sso?enterprise_key=…`). */
function withQuery(url: string): string | undefined {
  try {
    const u = new URL(url);
    u.searchParams.sort();
    return `${normalized(url)}?${u.searchParams.toString()}`;
  } catch {
    return undefined;
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
 * from the service's setup assistant), starts at one of its sign-in links, or goes to one of the enterprise's own
 * URLs (same origin).
 */
export function matchEnterprise(facts: FlowFacts, enterprises: readonly EnterpriseContext[], profile: ProfileId): ProfileReason | undefined {
  // Every flow asks every profile: without an enterprise of this one, its URLs are not parsed at all.
  const mine = enterprises.filter((e) => e.profile === profile);
  if (!mine.length) return undefined;
  const urls = new Set(facts.urls.map(normalized));
  const origins = new Set(facts.urls.map(origin));
  const starts = new Set(facts.urls.map(withQuery));
  for (const e of mine) {
    const sp = [e.sp?.acsUrl, e.sp?.entityId].filter((v): v is string => !!v);
    const hit =
      sp.find((v) => urls.has(normalized(v))) ??
      e.startUrls?.find((u) => withQuery(u) !== undefined && starts.has(withQuery(u))) ??
      e.urls?.find((u) => origin(u) !== undefined && origins.has(origin(u)));
    if (hit) return { by: 'enterprise', enterpriseId: e.id, detail: `the flow goes to ${hit}, set up for ${e.name}` };
  }
  return undefined;
}

/**
 * The one enterprise of `profile` set up, for a flow on the service's shared hosts that named none: with a single
 * enterprise there is no other it could be, and its settings (SCIM, Okta Express, attribute names) must apply.
 */
export function onlyEnterprise(enterprises: readonly EnterpriseContext[], profile: ProfileId, where: string): ProfileReason | undefined {
  const mine = enterprises.filter((e) => e.profile === profile);
  if (mine.length !== 1) return undefined;
  return { by: 'enterprise', enterpriseId: mine[0]!.id, detail: `the flow goes to ${where}, and ${mine[0]!.name} is the only enterprise set up there` };
}
