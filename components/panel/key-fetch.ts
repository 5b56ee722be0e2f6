import { createContext } from 'preact';

/**
 * What fetching a provider's keys needs from the browser: the optional host permission (asked inside the click)
 * and fetch. Absent (tests, a page without the extension API), the panel offers the paste box only.
 */
export interface KeyFetch {
  requestHostPermission(origin: string): Promise<boolean>;
  fetch(url: string, init?: { signal?: AbortSignal; credentials?: 'omit' }): Promise<{ ok: boolean; status: number; text(): Promise<string> }>;
}

export const KeyFetchContext = createContext<KeyFetch | undefined>(undefined);
