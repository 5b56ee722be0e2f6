// Where a message travelled. Transport rules compare SAML's URLs with the URL the browser really used, so they
// must stay silent for synthetic inputs (raw XML or base64 given to the command line has url 'about:blank').
import type { SamlMessage } from '../../saml/types';
import { urlParts } from '../../url/url-parts';

/** The URL the message was sent to, when it is a real http(s) URL, without its fragment. */
export function deliveredTo(message: Pick<SamlMessage, 'url'>): string | undefined {
  const url = urlParts(message.url);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  return url.hrefWithoutHash;
}

/**
 * True when two endpoint URLs name the same place: scheme and host compared case-insensitively with default ports
 * dropped (URL parsing does both), path and query exactly, since SPs compare them as strings.
 */
export function sameEndpoint(a: string, b: string): boolean {
  const x = urlParts(a.trim());
  const y = urlParts(b.trim());
  if (!x || !y) return a.trim() === b.trim();
  return x.hrefWithoutHash === y.hrefWithoutHash;
}

/** True when `url` begins with `prefix`, after the same normalization (bindings §3.5.5.2 Destination check). */
export function startsWithEndpoint(url: string, prefix: string): boolean {
  const x = urlParts(url.trim());
  const p = urlParts(prefix.trim());
  if (!x || !p) return url.trim().startsWith(prefix.trim());
  return x.hrefWithoutHash.startsWith(p.hrefWithoutHash) || sameEndpoint(url, prefix);
}

/** How two URLs differ, in a few words, to point the admin at the part to change. */
export function describeDifference(expected: string, actual: string): string | undefined {
  const x = urlParts(expected.trim());
  const y = urlParts(actual.trim());
  if (!x || !y) return undefined;
  if (x.protocol !== y.protocol) return `the scheme differs: ${x.protocol.slice(0, -1)} vs ${y.protocol.slice(0, -1)}`;
  if (x.host !== y.host) return `the host differs: ${x.host} vs ${y.host}`;
  if (x.pathname.replace(/\/$/, '') === y.pathname.replace(/\/$/, '') && x.pathname !== y.pathname) return 'only a trailing slash differs';
  if (x.pathname.toLowerCase() === y.pathname.toLowerCase() && x.pathname !== y.pathname) return 'only the letter case of the path differs';
  if (x.pathname !== y.pathname) return `the path differs: ${x.pathname} vs ${y.pathname}`;
  if (x.search !== y.search) return `the query differs: ${x.search || 'none'} vs ${y.search || 'none'}`;
  return undefined;
}
