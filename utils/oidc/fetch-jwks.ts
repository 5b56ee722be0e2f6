// Fetches an issuer's published keys, only when the user clicks for it (the caller asks for the host permission
// first): the discovery document at {issuer}/.well-known/openid-configuration names the jwks_uri.
import { issuerOrigin } from './issuer-origin';
import { readKeySource, type KeySource } from './key-source';

type Fetch = (url: string, init?: { signal?: AbortSignal; credentials?: 'omit' }) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

export interface FetchedKeys extends KeySource {
  /** The JWKS address the keys came from. */
  from?: string;
}

/** Discovery document, then its jwks_uri. Never throws: a failure is `problem`. Sends no cookie. */
export async function fetchIssuerKeys(issuer: string, fetch: Fetch, signal?: AbortSignal): Promise<FetchedKeys> {
  if (!issuerOrigin(issuer)) return { problem: `The issuer ${issuer} is not an https address: its keys are not fetched.` };
  const get = async (url: string) => {
    const res = await fetch(url, { credentials: 'omit', ...(signal ? { signal } : {}) });
    if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
    return res.text();
  };
  try {
    const discovery = readKeySource(await get(discoveryUrl(issuer)));
    if (!discovery.jwksUri) return { problem: `The discovery document of ${issuer} names no jwks_uri.` };
    if (discovery.issuer !== undefined && discovery.issuer !== issuer) {
      return { problem: `The discovery document describes issuer ${discovery.issuer}, not the token's ${issuer}.` };
    }
    if (!issuerOrigin(discovery.jwksUri)) return { problem: `The jwks_uri ${discovery.jwksUri} is not an https address.` };
    const keys = readKeySource(await get(discovery.jwksUri));
    return { ...keys, from: discovery.jwksUri };
  } catch (e) {
    return { problem: `Could not fetch the keys: ${(e as Error)?.message ?? String(e)}` };
  }
}
