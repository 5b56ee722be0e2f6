import type { RecorderSignIn } from '@/utils/recorder/protocol';
import type { TabVerdict } from '@/utils/settings/verdict';

/**
 * What the popup asks of the browser. The entrypoint gives it (entrypoints/popup/browser-host.ts), so the
 * popup's components hold no browser API and tests can hand them any host.
 */
export interface PopupHost {
  /** The tab the popup is about: the active tab, or the one named by `?tab=N` when opened as a page. */
  activeTabId(): Promise<number | undefined>;
  /** The key bound to the one-click sign-in command, if any. */
  oneClickShortcut(): Promise<string | undefined>;
  /** The verdict on the last sign-in the recorder saw on the tab. */
  lastSignInVerdict(tabId: number): Promise<TabVerdict | undefined>;
  /** The sign-in the recorder kept for the tab (the troubleshooter exports it for support). */
  recordedSignIn(tabId: number): Promise<RecorderSignIn | undefined>;
  openTab(url: string): void;
  /** Opens the options page and closes the popup. */
  openOptions(): void;
  /** Opens the SAML panel as a tab, reading the recorder's captures of `tabId`. */
  openPanel(tabId: number): void;
  /** The extension's version (written into exported HAR files). */
  version(): string;
}
