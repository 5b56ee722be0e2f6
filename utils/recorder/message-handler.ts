import type { RecorderCaptures, RecorderRequest, RecorderSignIn, RecorderState } from './protocol';

// The recorder's side of the protocol (protocol.ts): checks each request and routes it. Messages of other
// features are left alone (undefined), so other runtime.onMessage listeners can answer them.

export interface RecorderControl {
  captures(tabId?: number): Promise<RecorderCaptures>;
  signIn(tabId: number): Promise<RecorderSignIn>;
  setEnabled(enabled: boolean): Promise<RecorderState>;
  clear(tabId?: number): Promise<RecorderState>;
}

export interface RecorderErrorReply {
  error: string;
}

export type RecorderReply = RecorderCaptures | RecorderSignIn | RecorderState | RecorderErrorReply;

function validTabId(value: unknown): value is number | undefined {
  return value === undefined || (typeof value === 'number' && Number.isInteger(value));
}

/** The reply to a recorder request, or undefined when the message is not one. */
export function handleRecorderMessage(message: unknown, control: RecorderControl): Promise<RecorderReply> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Partial<RecorderRequest> & { type?: unknown };
  if (typeof m.type !== 'string' || !m.type.startsWith('recorder:')) return undefined;
  const bad = (error: string) => Promise.resolve({ error });
  switch (m.type) {
    case 'recorder:get-captures':
    case 'recorder:clear': {
      const { tabId } = m as { tabId?: unknown };
      if (!validTabId(tabId)) return bad(`${m.type}: tabId must be a tab number, not ${JSON.stringify(tabId)}.`);
      return m.type === 'recorder:clear' ? control.clear(tabId) : control.captures(tabId);
    }
    case 'recorder:get-sign-in': {
      const { tabId } = m as { tabId?: unknown };
      if (tabId === undefined || !validTabId(tabId)) return bad(`recorder:get-sign-in: tabId must be a tab number, not ${JSON.stringify(tabId)}.`);
      return control.signIn(tabId);
    }
    case 'recorder:set-enabled': {
      const { enabled } = m as { enabled?: unknown };
      if (typeof enabled !== 'boolean') return bad(`recorder:set-enabled: enabled must be true or false, not ${JSON.stringify(enabled)}.`);
      return control.setEnabled(enabled);
    }
    default:
      // Events (recorder:entry-added) are the background's own broadcasts, not requests.
      return undefined;
  }
}
