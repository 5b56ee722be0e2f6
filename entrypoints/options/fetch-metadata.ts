import { browser } from 'wxt/browser';
import { MAX_METADATA_CHARS } from '@/utils/settings/idp-metadata';

/**
 * Reads an IdP metadata URL on the admin's click: first the optional permission for that one host (asked now,
 * never at install), then one GET without cookies.
 */
export async function fetchMetadata(url: string): Promise<string> {
  const target = new URL(url);
  // Called first in the click handler's chain: the browser grants permission requests only during a user gesture.
  const granted = await browser.permissions.request({ origins: [`${target.origin}/*`] });
  if (!granted) throw new Error(`Permission to read ${target.host} was not given: paste the metadata or choose its file instead.`);
  let response: Response;
  try {
    response = await fetch(target.href, { credentials: 'omit', cache: 'no-store', redirect: 'follow' });
  } catch (e) {
    throw new Error(`${target.host} could not be reached (${(e as Error).message}).`);
  }
  if (!response.ok) throw new Error(`${target.host} answered HTTP ${response.status}.`);
  const text = await response.text();
  if (text.length > MAX_METADATA_CHARS) throw new Error(`The document is over 1 MB: that is not one IdP's metadata.`);
  return text;
}
