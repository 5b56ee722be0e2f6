import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { b64, fixtureXml, postEntry } from '../../tests/support/har-builder';
import { readVerdict, writeVerdict, type TabVerdict } from '../settings/verdict';
import { judgeInWorker, lastSignInVerdict } from './last-sign-in-verdict';
import type { RecorderRequest, RecorderSignIn } from './protocol';
import { judgeSignIn } from './sign-in-verdict';

const ACS = 'https://sonarcloud.io/oauth2/callback/saml';
// Entra ID response without an e-mail claim, sent to SonarQube Cloud: errors.
const entraSignIn = (seq: number): RecorderSignIn => ({
  seq,
  entries: [postEntry(ACS, 'SAMLResponse', b64(fixtureXml('entra/netsaml2-issue-49-response.xml')), { time: '2025-03-01T10:00:05.000Z', status: 302 })],
  flows: 3,
});
const kept: TabVerdict = { worst: 'ok', at: '2025-03-01T09:00:00.000Z', flows: 1, captureSeq: 4 };

let recorder: RecorderSignIn | Error;
let requests: RecorderRequest[];

/** Stands in for the browser's Worker (Node has none): runs what sign-in-verdict.worker.ts runs, asynchronously. */
class EngineWorker {
  static started: string[] = [];
  static fail = false;
  onmessage?: (event: { data: unknown }) => void;
  onerror?: (event: { message: string }) => void;
  terminated = false;
  constructor(url: URL) {
    EngineWorker.started.push(url.pathname);
  }
  postMessage(signIn: RecorderSignIn) {
    setTimeout(() => (EngineWorker.fail ? this.onerror?.({ message: 'worker script failed to load' }) : this.onmessage?.({ data: judgeSignIn(signIn) })));
  }
  terminate() {
    this.terminated = true;
  }
}

describe("the popup's last sign-in verdict", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    requests = [];
    recorder = { entries: [], flows: 0 };
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: RecorderRequest) => {
      requests.push(message);
      if (recorder instanceof Error) throw recorder;
      return recorder;
    }) as never);
    EngineWorker.started = [];
    EngineWorker.fail = false;
    vi.stubGlobal('Worker', EngineWorker);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it("judges the recorder's sign-in with the engine, in a worker started on demand, and keeps the verdict for the tab", async () => {
    recorder = entraSignIn(9);
    const verdict = await lastSignInVerdict(7);
    expect(requests).toEqual([{ type: 'recorder:get-sign-in', tabId: 7 }]);
    expect(EngineWorker.started).toEqual([expect.stringMatching(/sign-in-verdict\.worker\.ts$/)]);
    expect(verdict).toMatchObject({ worst: 'error', host: 'sonarcloud.io', flows: 3, captureSeq: 9, topFinding: { severity: 'error' } });
    expect(await readVerdict(7)).toEqual(verdict);
    // Judged once: the next popup shows the kept verdict without starting the engine.
    expect(await lastSignInVerdict(7)).toEqual(verdict);
    expect(EngineWorker.started).toHaveLength(1);
  });

  it('rejects when the worker cannot start, so the popup keeps what it has', async () => {
    EngineWorker.fail = true;
    await expect(judgeInWorker(entraSignIn(1))).rejects.toThrow('worker script failed to load');
  });

  it('shows the kept verdict without judging again while the sign-in is the same', async () => {
    await writeVerdict(7, kept);
    recorder = { ...entraSignIn(4) };
    const judge = vi.fn();
    expect(await lastSignInVerdict(7, judge)).toEqual(kept);
    expect(judge).not.toHaveBeenCalled();
  });

  it('judges again when the recorder saw a newer sign-in', async () => {
    await writeVerdict(7, kept);
    recorder = entraSignIn(5);
    const judge = vi.fn((): TabVerdict => ({ worst: 'warning', at: '2025-03-01T10:00:05.000Z', flows: 3 }));
    expect(await lastSignInVerdict(7, judge)).toEqual({ worst: 'warning', at: '2025-03-01T10:00:05.000Z', flows: 3, captureSeq: 5 });
    expect(judge).toHaveBeenCalledWith(recorder);
    expect((await readVerdict(7))?.captureSeq).toBe(5);
  });

  it('keeps what it has when the recorder saw no sign-in, does not answer, or the judging fails', async () => {
    const judge = vi.fn(() => {
      throw new Error('engine failed to load');
    });
    expect(await lastSignInVerdict(7, judge)).toBeUndefined();
    await writeVerdict(7, kept);
    expect(await lastSignInVerdict(7, judge)).toEqual(kept);
    recorder = new Error('Receiving end does not exist.');
    expect(await lastSignInVerdict(7, judge)).toEqual(kept);
    expect(judge).not.toHaveBeenCalled();

    recorder = entraSignIn(5);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await lastSignInVerdict(7, judge)).toEqual(kept);
    expect(judge).toHaveBeenCalledOnce();
    expect(await readVerdict(7)).toEqual(kept);
  });
});
