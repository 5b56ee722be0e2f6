// The popup's judge of the last sign-in, on its own thread: the popup posts what the recorder picked and gets
// the verdict back. The engine is bundled into this worker's file, loaded only when a sign-in needs judging.
import { openGroupStore } from '../groups/store';
import type { OrgGroups } from '../rules/types';
import type { RecorderSignIn } from './protocol';
import { judgeSignIn } from './sign-in-verdict';

/** Cached organization group lists, so the verdict can say whether every group matched; none is no parity. */
async function cachedOrgGroups(): Promise<OrgGroups[] | undefined> {
  try {
    const store = await openGroupStore();
    try {
      return await store.loadOrgGroups();
    } finally {
      store.close();
    }
  } catch {
    return undefined; // no IndexedDB here, or a blocked upgrade: judge without parity
  }
}

self.onmessage = async (event: MessageEvent<RecorderSignIn>) => postMessage(judgeSignIn(event.data, await cachedOrgGroups()));
