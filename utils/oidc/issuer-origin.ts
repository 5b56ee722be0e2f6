/** The origin a fetch of this issuer's keys touches (for the permission request); undefined when not fetchable. */
export function issuerOrigin(issuer: string): string | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return undefined;
  }
  // https, or http on this machine's loopback (a local test provider): never plain http across a network.
  if (url.protocol === 'https:' || (url.protocol === 'http:' && /^(?:127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname))) return url.origin;
  return undefined;
}
