// The one-click login from the background: a keyboard shortcut, a toolbar-icon context-menu item and the optional
// "open on click" mode all open the default enterprise's one-click link. Users start at the service because
// SonarQube Cloud accepts only sign-ins it started (SP-initiated).
import { browser } from 'wxt/browser';
import type { Settings } from '../settings/schema';
import { settingsStore, type SettingsStore } from '../settings/settings-store';
import { defaultOneClickTarget } from './one-click-target';

/** The `commands` name in the manifest and the context-menu item id. */
export const ONE_CLICK_COMMAND = 'open-one-click-login';
export const ONE_CLICK_MENU_ID = 'open-one-click-login';
const POPUP_PAGE = 'popup.html';

// Firefox MV2 builds have browserAction; MV3 builds have action. Same methods for what is used here.
function toolbarAction(): typeof browser.action {
  return (browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction);
}

/** Opens the default enterprise's one-click link, or the options page when there is none yet. */
export async function openDefaultOneClick(store: SettingsStore = settingsStore()): Promise<void> {
  const target = defaultOneClickTarget(await store.load());
  if (target) await browser.tabs.create({ url: target.url });
  else await browser.runtime.openOptionsPage();
}

function menuTitle(settings: Settings): string {
  const target = defaultOneClickTarget(settings);
  return target ? `Sign in to ${target.name}` : 'Add an enterprise for one-click sign-in';
}

/** Brings the menu item and the toolbar click behavior in line with the settings. */
export async function applyOneClickSettings(settings: Settings): Promise<void> {
  const title = menuTitle(settings);
  try {
    // Chrome keeps menu items across service-worker restarts: update the one that exists, else create it.
    await browser.contextMenus.update(ONE_CLICK_MENU_ID, { title });
  } catch {
    browser.contextMenus.create({
      id: ONE_CLICK_MENU_ID,
      title,
      contexts: [import.meta.env.MANIFEST_VERSION === 2 ? 'browser_action' : 'action'],
    });
  }
  const openOnClick = settings.openOnClick && !!defaultOneClickTarget(settings);
  // An empty popup is what makes the browser fire onClicked for the toolbar icon.
  await toolbarAction().setPopup({ popup: openOnClick ? '' : POPUP_PAGE });
}

/** Wires the shortcut, the menu item and "open on click"; call once from the background. */
export function registerOneClickLogin(store: SettingsStore = settingsStore()): void {
  const open = () => void openDefaultOneClick(store).catch((error) => console.error('One-click login failed', error));
  browser.commands.onCommand.addListener((command) => {
    if (command === ONE_CLICK_COMMAND) open();
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === ONE_CLICK_MENU_ID) open();
  });
  toolbarAction().onClicked.addListener(open);
  const apply = (settings: Settings) =>
    void applyOneClickSettings(settings).catch((error) => console.error('Could not apply one-click settings', error));
  void store.load().then(apply);
  store.watch(apply);
}
