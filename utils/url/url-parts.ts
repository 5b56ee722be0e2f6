// The parts of a URL the rules and profiles compare. A HAR of thousands of sign-ins names the same few ACS,
// IdP and Destination URLs in every message, and each rule and profile parsed them again: parsing a URL is
// costly next to the comparisons made with it. The parts are plain, frozen values, so sharing them is safe.

export interface UrlParts {
  readonly href: string;
  /** `href` without its fragment: what endpoints are compared by. */
  readonly hrefWithoutHash: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly origin: string;
}

/** Past this many distinct URLs the remembered parts are dropped and gathered again: a bound on memory. */
const MAX_REMEMBERED = 2048;
const remembered = new Map<string, UrlParts | null>();

/** The parts of an absolute URL, or undefined when `text` is not one. */
export function urlParts(text: string): UrlParts | undefined {
  let parts = remembered.get(text);
  if (parts === undefined) {
    parts = parse(text);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(text, parts);
  }
  return parts ?? undefined;
}

/** The host name of an absolute URL, lower-cased, or undefined (for no URL, or text that is not one). */
export function hostnameOf(url: string | undefined): string | undefined {
  return url ? urlParts(url)?.hostname.toLowerCase() : undefined;
}

function parse(text: string): UrlParts | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const { href, protocol, host, hostname, pathname, search, origin } = url;
  url.hash = '';
  return Object.freeze({ href, hrefWithoutHash: url.href, protocol, host, hostname, pathname, search, origin });
}
