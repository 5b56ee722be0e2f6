// Native API, as in the popup that uses this (see PopupApp.tsx).
import { browser } from '@wxt-dev/browser';
import { readVerdict, writeVerdict, type TabVerdict } from '../settings/verdict';
import type { RecorderGetSignIn, RecorderSignIn } from './protocol';

// The popup's "last sign-in" on a tab: the recorder picks the captures, the popup judges them. The engine is
// most of the extension's code, so it runs in a worker started only when a sign-in has not been judged yet,
// and the verdict is kept in storage.session so the next popup shows it at once.

export type SignInJudge = (signIn: RecorderSignIn) => TabVerdict | undefined | Promise<TabVerdict | undefined>;

/**
 * Judges in sign-in-verdict.worker.ts. A worker rather than import(): the engine gets a file of its own instead
 * of a chunk shared with the panel (which would split the panel's code and add to its budget), and the analysis
 * does not hold up the popup.
 */
export const judgeInWorker: SignInJudge = (signIn) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./sign-in-verdict.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<TabVerdict | undefined>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The sign-in judge did not start.'));
    };
    worker.postMessage(signIn);
  });

/** The sign-in the recorder kept for a tab (the troubleshooter exports it for support), or undefined. */
export async function recordedSignIn(tabId: number): Promise<RecorderSignIn | undefined> {
  try {
    const request: RecorderGetSignIn = { type: 'recorder:get-sign-in', tabId };
    const reply = (await browser.runtime.sendMessage(request)) as Partial<RecorderSignIn> | undefined;
    return typeof reply?.seq === 'number' && Array.isArray(reply.entries) ? (reply as RecorderSignIn) : undefined;
  } catch {
    // No recorder (an older background, the extension reloading): what was judged before still holds.
    return undefined;
  }
}

/** The verdict on the last sign-in the recorder saw on the tab, judged now if it is newer than the kept one. */
export async function lastSignInVerdict(tabId: number, judge: SignInJudge = judgeInWorker): Promise<TabVerdict | undefined> {
  const [kept, signIn] = await Promise.all([readVerdict(tabId), recordedSignIn(tabId)]);
  if (!signIn || kept?.captureSeq === signIn.seq) return kept;
  let verdict: TabVerdict | undefined;
  try {
    verdict = await judge(signIn);
  } catch (e) {
    console.warn('SSO Lens: the last sign-in could not be judged', e);
  }
  if (!verdict) return kept;
  verdict.captureSeq = signIn.seq;
  await writeVerdict(tabId, verdict).catch(() => {});
  return verdict;
}
