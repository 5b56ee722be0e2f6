import { render } from 'preact';
import { browser } from 'wxt/browser';
import { KeyFetchContext, type KeyFetch } from '@/components/panel/key-fetch';
import { PanelApp } from '@/components/panel/PanelApp';
import { FILE_ONLY_SOURCE, type CaptureSource } from '@/utils/panel/capture-source';
import { devtoolsSource, type DevtoolsNetwork } from './devtools-source';
import { recorderSource } from './recorder-source';
import { writeVerdict, type TabVerdict } from '@/utils/settings/verdict';
import { createIdpMetadataStore } from '@/utils/settings/idp-metadata-store';
import { enterpriseContexts } from '@/utils/settings/enterprise-contexts';
import { settingsStore } from '@/utils/settings/settings-store';
import type { EnterpriseContext } from '@/utils/profiles';
import '@/components/panel/panel.css';

// In DevTools the page has `devtools.network`; opened as a tab (panel.html?tab=<id> from the popup, or plain
// for HAR files) it does not, and the recorder or files are the source.
const devtools = typeof browser.devtools?.network?.getHAR === 'function' ? browser.devtools : undefined;
const tabParam = new URLSearchParams(location.search).get('tab');
const tabId = tabParam !== null && /^\d+$/.test(tabParam) ? Number(tabParam) : undefined;

let source: CaptureSource = FILE_ONLY_SOURCE;
if (devtools) source = devtoolsSource(devtools.network as unknown as DevtoolsNetwork);
else if (tabId !== undefined) source = recorderSource(tabId);

// One switch for the stylesheet (data-theme): DevTools' own theme when the panel lives in DevTools, else the
// OS setting, followed live in both cases.
function applyTheme(name: string | undefined) {
  document.documentElement.dataset.theme = name === 'dark' ? 'dark' : 'light';
}
if (devtools) {
  applyTheme(devtools.panels.themeName);
  (devtools.panels as { onThemeChanged?: { addListener(cb: (name: string) => void): void } }).onThemeChanged?.addListener(applyTheme);
} else {
  const dark = matchMedia('(prefers-color-scheme: dark)');
  applyTheme(dark.matches ? 'dark' : 'light');
  dark.addEventListener('change', (e) => applyTheme(e.matches ? 'dark' : 'light'));
}

// The enterprises' settings (SCIM, Okta Express, the setup assistant's values) decide how their sign-ins are judged.
const settings = settingsStore();
const watchEnterprises = (callback: (enterprises: EnterpriseContext[]) => void) => {
  let live = true;
  settings
    .load()
    .then((s) => live && callback(enterpriseContexts(s)))
    .catch(() => {});
  const stop = settings.watch((s) => callback(enterpriseContexts(s)));
  return () => {
    live = false;
    stop();
  };
};

// The group cache (IndexedDB) code loads after the first paint: parity only matters once a message is open.
const loadOrgGroups = () =>
  import('@/utils/groups/store').then(({ openGroupStore }) => openGroupStore()).then((store) => store.loadOrgGroups().finally(() => store.close()));

// The popup shows the last sign-in's verdict for the tab the panel inspects (or the recorder tab it was opened for).
const verdictTab = devtools ? devtools.inspectedWindow.tabId : tabId;
const onVerdict = verdictTab === undefined ? undefined : (verdict: TabVerdict) => void writeVerdict(verdictTab, verdict).catch(() => {});

// A provider's keys are fetched only from the Claims tab's button, after the browser granted that host. Firefox
// gives a DevTools panel no permissions API (its bug 1796933): there the Claims tab offers the paste box only.
const keyFetch: KeyFetch | undefined =
  typeof browser.permissions?.request === 'function'
    ? { requestHostPermission: (origin) => browser.permissions.request({ origins: [origin] }), fetch: (url, init) => globalThis.fetch(url, init) }
    : undefined;

render(
  <KeyFetchContext.Provider value={keyFetch}>
    <PanelApp
      source={source}
      loadOrgGroups={loadOrgGroups}
      watchEnterprises={watchEnterprises}
      version={browser.runtime.getManifest().version}
      onVerdict={onVerdict}
      idpMetadata={createIdpMetadataStore()}
    />
  </KeyFetchContext.Provider>,
  document.getElementById('app')!,
);
