import { browser } from 'wxt/browser';
import { openGroupStore, type GroupStore } from '@/utils/groups/store';
import type { GroupRegion } from '@/utils/groups/schema';

/** The browser services the group cache UI uses, behind one small interface so tests can fake them. */
export interface GroupsPlatform {
  openStore(): Promise<GroupStore>;
  /** Asks for host access to the service at the moment the user fetches (must run inside the click). */
  requestHostPermission(origin: string): Promise<boolean>;
  loadRememberedTokens(): Promise<Partial<Record<GroupRegion, string>>>;
  rememberToken(region: GroupRegion, token: string): Promise<void>;
  forgetToken(region: GroupRegion): Promise<void>;
  fetch: typeof fetch;
  now(): number;
}

// Tokens live in storage.local only when the user ticks "remember token"; never in sync storage.
const tokenKey = (region: GroupRegion) => `groups.token.${region}`;

export const browserGroupsPlatform: GroupsPlatform = {
  openStore: () => openGroupStore(),
  requestHostPermission: (origin) => browser.permissions.request({ origins: [origin] }),
  async loadRememberedTokens() {
    const stored = await browser.storage.local.get([tokenKey('eu'), tokenKey('us')]);
    const tokens: Partial<Record<GroupRegion, string>> = {};
    for (const region of ['eu', 'us'] as const) {
      const value = stored[tokenKey(region)];
      if (typeof value === 'string' && value) tokens[region] = value;
    }
    return tokens;
  },
  rememberToken: (region, token) => browser.storage.local.set({ [tokenKey(region)]: token }),
  forgetToken: (region) => browser.storage.local.remove(tokenKey(region)),
  fetch: (...args) => globalThis.fetch(...args),
  now: () => Date.now(),
};
