import type { HarEntry, HarPostData } from '../har/types';
import { protocolCache } from '../protocols/read-cache';
import type { Protocol } from '../protocols/types';
import { oidcDetector } from './detect';
import { pairOidcFlows } from './pair-flows';
import { readOidcExchange } from './read-message';
import type { OidcMessage } from './types';

/** What an exchange looked like when it was read: one changed since (the recorder adds the response) is read again. */
interface EntryRead {
  url: string;
  postData: HarPostData | undefined;
  text: string | undefined;
  status: number | undefined;
  content: string | undefined;
  headers: HarEntry['response']['headers'] | undefined;
  messages: OidcMessage[];
}

/** OpenID Connect (and the OAuth 2.0 it runs on) in the registry. */
export const oidc: Protocol<OidcMessage> = {
  ...oidcDetector,
  id: 'oidc',
  label: 'OIDC',
  read(entry, exchangeIndex, cache) {
    if (!cache) return readOidcExchange(entry, exchangeIndex);
    const reads = protocolCache<EntryRead>(cache, 'oidc');
    const { url, postData } = entry.request;
    const response = entry.response;
    let read = reads.get(entry);
    if (
      !read ||
      read.url !== url ||
      read.postData !== postData ||
      read.text !== postData?.text ||
      read.status !== response?.status ||
      read.content !== response?.content?.text ||
      read.headers !== response?.headers
    ) {
      read = { url, postData, text: postData?.text, status: response?.status, content: response?.content?.text, headers: response?.headers, messages: readOidcExchange(entry, 0) };
      reads.set(entry, read);
      // The count is of exchanges actually decoded: everyday traffic passing detection is not one.
      if (read.messages.length) cache.reads++;
    }
    // Messages are shared between analyses: only the place in this list changes.
    return read.messages.map((m) => ({ ...m, exchangeIndex, key: m.key.replace(/^\d+:/, `${exchangeIndex}:`) }));
  },
  buildFlows: pairOidcFlows,
  urlsOf: (m) => [m.authorization?.redirectUri, m.response?.redirectTarget, m.error?.redirectTarget, m.tokenRequest?.redirectUri, m.endSession?.postLogoutRedirectUri],
};
