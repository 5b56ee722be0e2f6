import type { GroupStore } from '@/utils/groups/store';
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
