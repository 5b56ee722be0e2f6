import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Settings } from '../settings/schema';
import type { SettingsStore } from '../settings/settings-store';
import { applyOneClickSettings, ONE_CLICK_COMMAND, ONE_CLICK_MENU_ID, openDefaultOneClick, registerOneClickLogin } from './register-one-click-login';

const settings: Settings = {
  enterprises: [
    { id: 'a', service: 'sonarqube-cloud', name: 'Acme EU', region: 'eu', key: 'acme', provisioning: 'jit', oktaExpress: false, checklist: {} },
    { id: 'b', service: 'sonarqube-cloud', name: 'Acme US', region: 'us', key: 'acme-us', provisioning: 'jit', oktaExpress: false, checklist: {} },
  ],
  defaultId: 'b',
  inviteTemplate: '',
  openOnClick: false,
};

function storeWith(value: Settings): SettingsStore {
  return { load: async () => value, save: vi.fn(), watch: vi.fn(() => () => {}) };
}

// fakeBrowser leaves commands, context menus and setPopup unimplemented: stand in for them.
function fakeMenusAndCommands() {
  const listeners: { command?: (c: string) => void; menu?: (info: { menuItemId: string | number }) => void; click?: () => void } = {};
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.commands = { onCommand: { addListener: (fn: (c: string) => void) => (listeners.command = fn) } };
  const contextMenus = {
    create: vi.fn(),
    update: vi.fn(async () => {
      throw new Error('Cannot find menu item with id open-one-click-login');
    }),
    onClicked: { addListener: (fn: typeof listeners.menu) => (listeners.menu = fn) },
  };
  b.contextMenus = contextMenus;
  const setPopup = vi.fn(async () => {});
  b.action = { ...b.action, setPopup, onClicked: { addListener: (fn: () => void) => (listeners.click = fn) } };
  return { listeners, contextMenus, setPopup };
}

describe('one-click login from the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('opens the default enterprise one-click link in a new tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openDefaultOneClick(storeWith(settings));
    expect(create).toHaveBeenCalledWith({ url: 'https://sonarqube.us/login/sso?enterprise_key=acme-us' });
  });

  it('opens the options page when no enterprise is saved', async () => {
    const openOptionsPage = vi.fn(async () => {});
    fakeBrowser.runtime.openOptionsPage = openOptionsPage;
    await openDefaultOneClick(storeWith({ ...settings, enterprises: [] }));
    expect(openOptionsPage).toHaveBeenCalled();
  });

  it('answers the keyboard shortcut, the menu item and (in open-on-click mode) the toolbar icon', async () => {
    const { listeners, contextMenus, setPopup } = fakeMenusAndCommands();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    registerOneClickLogin(storeWith({ ...settings, openOnClick: true }));
    await vi.waitFor(() => expect(setPopup).toHaveBeenCalledWith({ popup: '' }));
    expect(contextMenus.create).toHaveBeenCalledWith(expect.objectContaining({ id: ONE_CLICK_MENU_ID, title: 'Sign in to Acme US' }));

    listeners.command?.('something-else');
    listeners.command?.(ONE_CLICK_COMMAND);
    listeners.menu?.({ menuItemId: ONE_CLICK_MENU_ID });
    listeners.click?.();
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(3));
    expect(create).toHaveBeenLastCalledWith({ url: 'https://sonarqube.us/login/sso?enterprise_key=acme-us' });
  });

  it('keeps the popup when open-on-click is off or there is nothing to open', async () => {
    const { setPopup, contextMenus } = fakeMenusAndCommands();
    await applyOneClickSettings(settings);
    expect(setPopup).toHaveBeenLastCalledWith({ popup: 'popup.html' });
    await applyOneClickSettings({ ...settings, enterprises: [], openOnClick: true });
    expect(setPopup).toHaveBeenLastCalledWith({ popup: 'popup.html' });
    expect(contextMenus.create).toHaveBeenLastCalledWith(expect.objectContaining({ title: 'Add an enterprise for one-click sign-in' }));
  });
});
