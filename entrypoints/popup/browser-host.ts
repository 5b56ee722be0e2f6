// The native API, not the webextension polyfill (`wxt/browser`) the other pages use: every call here returns a
// promise natively wherever the popup runs (MV3 Chrome, Firefox), the settings store already goes through this
// same object (wxt/utils/storage), and the polyfill would be 3 KB of the popup's 20 KB budget.
import { browser } from '@wxt-dev/browser';
import type { PopupHost } from '@/components/popup/popup-host';
import { lastSignInVerdict, recordedSignIn } from '@/utils/recorder/last-sign-in-verdict';

export const browserHost: PopupHost = {
  async activeTabId() {
    // Opened as a page rather than over a tab, the popup is told which tab it is about, like the panel (?tab=N).
    const named = Number(new URLSearchParams(globalThis.location?.search).get('tab'));
    if (Number.isInteger(named) && named > 0) return named;
    try {
      // The tab id comes without the "tabs" permission; only url/title would need it.
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id;
    } catch {
      return undefined;
    }
  },
  async oneClickShortcut() {
    try {
      const commands = await browser.commands.getAll();
      return commands.find((c) => c.name === 'open-one-click-login')?.shortcut || undefined;
    } catch {
      return undefined;
    }
  },
  lastSignInVerdict: (tabId) => lastSignInVerdict(tabId),
  recordedSignIn,
  openTab: (url) => void browser.tabs.create({ url }),
  openOptions: () => void browser.runtime.openOptionsPage().then(() => window.close()),
  openPanel: (tabId) => void browser.tabs.create({ url: browser.runtime.getURL(`/panel.html?tab=${tabId}`) }),
  version: () => browser.runtime.getManifest().version,
};
