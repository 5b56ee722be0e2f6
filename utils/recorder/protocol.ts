import type { HarEntry } from '../har/types';

// Messages between extension pages (panel opened as a tab, popup) and the background recorder.
// The recorder keeps SAML exchanges in memory / storage.session only: never on disk.

export interface RecorderGetCaptures {
  type: 'recorder:get-captures';
  /** Captures of this tab (and the tabs it opened); all tabs when omitted. */
  tabId?: number;
}
export interface RecorderCaptures {
  entries: Array<{ entry: HarEntry; tabId: number }>;
  recording: boolean;
  /** Non-SAML requests seen while recording: counted, not kept. */
  otherRequests: number;
}

/** The captures to judge the last sign-in on a tab from (the popup's "last sign-in"). */
export interface RecorderGetSignIn {
  type: 'recorder:get-sign-in';
  tabId: number;
}
export interface RecorderSignIn {
  /** The capture that carried the sign-in's Response; absent when the recorder saw no sign-in on the tab. */
  seq?: number;
  /** Oldest first, ending with that Response: the captures that can belong to the sign-in. */
  entries: HarEntry[];
  /** Sign-ins seen in the tab's group up to this one. */
  flows: number;
}

export interface RecorderSetEnabled {
  type: 'recorder:set-enabled';
  enabled: boolean;
}

export interface RecorderClear {
  type: 'recorder:clear';
  tabId?: number;
}

/** Broadcast by the background when it records a SAML exchange. */
export interface RecorderEntryAdded {
  type: 'recorder:entry-added';
  tabId: number;
  entry: HarEntry;
}

export type RecorderRequest = RecorderGetCaptures | RecorderGetSignIn | RecorderSetEnabled | RecorderClear;
export type RecorderEvent = RecorderEntryAdded;

/** The recorder keeps this many exchanges (oldest dropped first): a long support call, several sign-ins and their hops. */
export const MAX_RECORDED_EXCHANGES = 10_000;
/**
 * …and at most this much text by entryBytes (two bytes a character, so about half of it in a real heap, where
 * base64 is one byte a character): 10,000 Entra Responses with 20 groups fit, a few huge ones cannot crowd out memory.
 */
export const MAX_RECORDED_BYTES = 128 * 1024 * 1024;

/**
 * The reply to `recorder:set-enabled` and `recorder:clear` (added after the first version; senders that ignore
 * the reply are unaffected). `error` says why recording is off when it was asked to turn on.
 */
export interface RecorderState {
  recording: boolean;
  error?: string;
}
