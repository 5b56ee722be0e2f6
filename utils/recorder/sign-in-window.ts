import type { HarEntry } from '../har/types';
import { isProtocolExchange } from '../protocols/detectors';
import { detectSaml } from '../saml/detect';
import type { CaptureStore } from './capture-store';
import type { RecorderSignIn } from './protocol';

// Which captures the verdict on a tab's last sign-in is judged from. Chosen in the background, which knows the
// tab groups, by field names only (detect): the judging itself (sign-in-verdict.ts) needs the whole engine and
// runs where the verdict is shown.

/** A Response is paired with a request at most this long before it (flow/build-flows.ts). */
export const VERDICT_WINDOW_MS = 15 * 60 * 1000;
/** At most this many captures are analyzed per verdict: the whole store (up to 10,000) would take seconds. */
export const VERDICT_MAX_ENTRIES = 50;

export const carriesResponse = (entry: HarEntry) => !!detectSaml(entry)?.messages.some((m) => m.param === 'SAMLResponse');

/**
 * The captures that can belong to the sign-in completed by the last of a tab group's captures (oldest first):
 * the pairing window, bounded, with all the group's sign-ins counted. Undefined when the last completes none.
 */
export function signInWindow(all: readonly HarEntry[]): { entries: HarEntry[]; flows: number } | undefined {
  // The hops the recorder keeps around a sign-in do not change its verdict: they would only take the slots.
  const group = all.filter(isProtocolExchange);
  const last = group.at(-1);
  if (!last || !carriesResponse(last)) return undefined;
  const at = Date.parse(last.startedDateTime);
  const entries = group.slice(-VERDICT_MAX_ENTRIES).filter((e) => {
    const t = Date.parse(e.startedDateTime);
    return Number.isNaN(at) || Number.isNaN(t) || at - t <= VERDICT_WINDOW_MS;
  });
  return { entries, flows: group.filter(carriesResponse).length };
}

/**
 * The last sign-in seen on `tabId`: the latest Response captured on the tab or on a tab it opened, with the
 * captures of its whole group (from the tab that started it) up to that Response.
 */
export function latestSignIn(store: CaptureStore, tabId: number): RecorderSignIn {
  const { followers } = store;
  const all = store.capturesFor();
  for (let i = all.length - 1; i >= 0; i--) {
    const capture = all[i]!;
    const root = followers.rootOf(capture.tabId);
    if ((capture.tabId !== tabId && root !== tabId) || !carriesResponse(capture.entry)) continue;
    const group = store.capturesFor(root);
    const signIn = signInWindow(group.slice(0, group.indexOf(capture) + 1).map((c) => c.entry))!;
    return { seq: capture.seq, ...signIn };
  }
  return { entries: [], flows: 0 };
}
