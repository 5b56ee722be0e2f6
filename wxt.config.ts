import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { BUNDLE_ALIASES } from './bundle-aliases';

// Permissions are the minimum the extension needs up front; host access is optional and asked for at
// run time (background recorder, group-list fetch), see README "Permissions".
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()], resolve: { alias: BUNDLE_ALIASES } }),
  // The Firefox sources package is for reviewers rebuilding the add-on: test artifacts (HARs,
  // screenshots) are not sources.
  zip: { excludeSources: ['test-results/**'] },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'SSO Lens',
    description:
      'SAML sign-in links, live SAML capture with diagnostics, and group parity for SonarQube Cloud and Devolutions Cloud.',
    permissions: ['storage', 'clipboardWrite', 'contextMenus'],
    // MV2 (the Firefox build) has no optional_host_permissions: host patterns are listed with the optional
    // permissions, or the recorder's permission request fails there.
    optional_permissions: manifestVersion === 2 ? ['webRequest', ...OPTIONAL_HOSTS] : ['webRequest'],
    optional_host_permissions: OPTIONAL_HOSTS,
    // Opens the default enterprise's one-click sign-in link (utils/one-click); users can change the key in the
    // browser's shortcut settings.
    commands: {
      'open-one-click-login': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: "Open the default enterprise's one-click sign-in link",
      },
    },
    // storage.session (the recorder's captures, the last verdict) arrived in Chrome 102, and with it a promise
    // for every chrome.* call the popup makes natively.
    ...(browser === 'chrome' ? { minimum_chrome_version: '102' } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sso-lens@sso-lens.dev',
              // 140 (the current ESR) is the first to read data_collection_permissions, which AMO now requires.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
