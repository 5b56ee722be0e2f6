import { browser } from 'wxt/browser';
import type { GroupsPlatform } from '@/components/groups/groups-platform';
import type { GroupRegion } from '@/utils/groups/schema';
import { openGroupStore } from '@/utils/groups/store';

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
