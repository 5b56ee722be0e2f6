import type { Exchange } from '../har/types';

// Where the panel's captures come from, behind one interface so the views do not know (and tests can fake it):
// devtools.network in DevTools, the background recorder when the panel is opened as a tab, or nothing (files).

export interface SourceStatus {
  /** The background recorder's switch (undefined for sources without one). */
  recording?: boolean;
  /** Non-SAML requests the source counted itself. */
  otherRequests?: number;
  /** The source cannot deliver: a sentence for the user. */
  error?: string;
}

export interface CaptureSink {
  /** `live`: arrived while the panel is open (ignored while paused); otherwise captured before it opened. */
  add(exchanges: Exchange[], live: boolean): void;
  status(status: SourceStatus): void;
}

export interface CaptureSource {
  readonly kind: 'devtools' | 'recorder' | 'file';
  /** What the source is following, for the header ("this DevTools window", "tab 42"). */
  readonly label: string;
  /** Start delivering captures; returns a function that stops. */
  connect(sink: CaptureSink): () => void;
  /** Forget the captures at the source too (the recorder's memory), so they do not come back. */
  clear(): Promise<void>;
  /**
   * Turn the recorder on. Must be called straight from the click handler: the permission prompt needs the
   * user's gesture.
   */
  enableRecording?(): Promise<void>;
}

/** A source with nothing live: the panel opened as a plain tab to read HAR files. */
export const FILE_ONLY_SOURCE: CaptureSource = {
  kind: 'file',
  label: 'files you open',
  connect: () => () => {},
  clear: async () => {},
};
