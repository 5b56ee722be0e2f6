import { useEffect, useRef, useState } from 'preact/hooks';
// The native API, not the webextension polyfill (`wxt/browser`) the other pages use: every call here returns a
// promise natively wherever the popup runs (MV3 Chrome, Firefox), the settings store already goes through this
// same object (wxt/utils/storage), and the polyfill would be 3 KB of the popup's 20 KB budget.
import { browser } from '@wxt-dev/browser';
import type { RolloutStepId } from '@/utils/checklist/rollout-steps';
import { sonarRegionOfHost, type SonarRegion } from '@/utils/links/sonarqube-cloud';
import {
  defaultEnterprise,
  enterprisesDefaultFirst,
  newId,
  type Enterprise,
  type Settings,
  type SonarEnterprise,
} from '@/utils/settings/schema';
import { settingsStore, type SettingsStore } from '@/utils/settings/settings-store';
import { lastSignInVerdict } from '@/utils/recorder/last-sign-in-verdict';
import type { TabVerdict } from '@/utils/settings/verdict';
import { DevolutionsCard } from './DevolutionsCard';
import { FirstRunForm } from './FirstRunForm';
import { LastSignIn } from './LastSignIn';
import { PinHelp } from './PinHelp';
import { SonarEnterpriseCard } from './SonarEnterpriseCard';

interface Props {
  store?: SettingsStore;
  /** The clock for invitation expiry; tests pass a fixed one. */
  now?: Date;
}

async function activeTabId(): Promise<number | undefined> {
  try {
    // The tab id comes without the "tabs" permission; only url/title would need it.
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  } catch {
    return undefined;
  }
}

async function oneClickShortcut(): Promise<string | undefined> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((c) => c.name === 'open-one-click-login')?.shortcut || undefined;
  } catch {
    return undefined;
  }
}

export function PopupApp({ store = settingsStore(), now = new Date() }: Props) {
  const [settings, setSettings] = useState<Settings>();
  const [loadError, setLoadError] = useState('');
  const [tabId, setTabId] = useState<number>();
  const [verdict, setVerdict] = useState<TabVerdict>();
  const [shortcut, setShortcut] = useState<string>();
  const [justAdded, setJustAdded] = useState(false);
  const cards = useRef<HTMLDivElement>(null);
  // The first-run form goes away with the focus in it: hand the focus to the new card's first action.
  useEffect(() => {
    if (justAdded) cards.current?.querySelector<HTMLElement>('button, a[href]')?.focus();
  }, [justAdded]);

  useEffect(() => {
    store.load().then(setSettings, (error: Error) => setLoadError(`Could not read the saved settings: ${error.message}`));
    void activeTabId().then(async (id) => {
      setTabId(id);
      if (id !== undefined) setVerdict(await lastSignInVerdict(id));
    });
    void oneClickShortcut().then(setShortcut);
  }, [store]);

  async function save(next: Settings) {
    setSettings(next);
    try {
      await store.save(next);
    } catch (error) {
      setLoadError(`Could not save: ${(error as Error).message}`);
    }
  }

  function updateEnterprise(id: string, change: (e: SonarEnterprise) => SonarEnterprise) {
    if (!settings) return;
    void save({
      ...settings,
      enterprises: settings.enterprises.map((e) => (e.id === id && e.service === 'sonarqube-cloud' ? change(e) : e)),
    });
  }

  const open = (url: string) => void browser.tabs.create({ url });
  const openOptions = () => void browser.runtime.openOptionsPage().then(() => window.close());
  const openPanel = () => {
    if (tabId === undefined) return;
    void browser.tabs.create({ url: browser.runtime.getURL(`/panel.html?tab=${tabId}`) });
  };

  async function addFirst({ region, key }: { region: SonarRegion; key: string }) {
    const enterprise: SonarEnterprise = { id: newId(), service: 'sonarqube-cloud', name: key, region, key, checklist: {} };
    await save({ ...(settings ?? { enterprises: [], inviteTemplate: '', openOnClick: false }), enterprises: [enterprise], defaultId: enterprise.id });
    setJustAdded(true);
  }

  const verdictRegion = verdict?.host ? sonarRegionOfHost(verdict.host) : undefined;
  const cleanSignInRegion = verdict && (verdict.worst === 'ok' || verdict.worst === 'info') ? verdictRegion : undefined;

  function card(enterprise: Enterprise, isDefault: boolean) {
    if (enterprise.service === 'devolutions-cloud') {
      return <DevolutionsCard key={enterprise.id} instance={enterprise} isDefault={isDefault} now={now} onOpen={open} onManage={openOptions} />;
    }
    return (
      <SonarEnterpriseCard
        key={enterprise.id}
        enterprise={enterprise}
        isDefault={isDefault}
        inviteTemplate={settings?.inviteTemplate ?? ''}
        evidence={{
          cleanSignInCaptured: cleanSignInRegion === enterprise.region || undefined,
          groupParityOk: (verdict?.groupsMatch === true && verdictRegion === enterprise.region) || undefined,
        }}
        onOpen={open}
        onLinkCopied={() => updateEnterprise(enterprise.id, (e) => ({ ...e, linkCopiedAt: new Date().toISOString() }))}
        onToggleStep={(step: RolloutStepId, done: boolean) =>
          updateEnterprise(enterprise.id, (e) => ({
            ...e,
            checklist: { ...e.checklist, [step]: { done, at: new Date().toISOString() } },
          }))
        }
      />
    );
  }

  const first = settings && defaultEnterprise(settings);
  return (
    <main class="popup">
      <header class="row popup-header">
        <h1>SSO Lens</h1>
        <button type="button" class="link" onClick={openOptions}>
          Options
        </button>
      </header>
      {loadError && (
        <p class="error-text" role="alert">
          {loadError}
        </p>
      )}
      {!settings && !loadError && <p class="muted">Loading…</p>}
      {settings && settings.enterprises.length === 0 && <FirstRunForm onAdd={addFirst} onOpenOptions={openOptions} />}
      {settings && settings.enterprises.length > 0 && (
        <div class="enterprises" ref={cards}>{enterprisesDefaultFirst(settings).map((e) => card(e, e === first))}</div>
      )}
      {justAdded && (
        <p class="ok-text hint" role="status">
          Saved. Pin the icon (below) to keep one-click sign-in at hand.
        </p>
      )}
      <LastSignIn verdict={verdict} tabId={tabId} onOpenPanel={openPanel} />
      <PinHelp shortcut={shortcut} open={justAdded} />
    </main>
  );
}
