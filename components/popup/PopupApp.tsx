import { useEffect, useRef, useState } from 'preact/hooks';
import type { SonarRegion } from '@/utils/links/sonarqube-cloud';
import {
  defaultEnterprise,
  enterprisesDefaultFirst,
  newId,
  type DevolutionsInstance,
  type Enterprise,
  type Settings,
  type SonarEnterprise,
} from '@/utils/settings/schema';
import { settingsStore, type SettingsStore } from '@/utils/settings/settings-store';
import type { TabVerdict } from '@/utils/settings/verdict';
import { DevolutionsCard } from './DevolutionsCard';
import { LastSignIn } from './LastSignIn';
import { LazyView } from '../panel/lazy-view';
import { PinHelp } from './PinHelp';
import type { PopupHost } from './popup-host';
import { SonarEnterpriseCard } from './SonarEnterpriseCard';

interface Props {
  /** The browser, as the entrypoint gives it. */
  host: PopupHost;
  store?: SettingsStore;
  /** The clock for invitation expiry; tests pass a fixed one. */
  now?: Date;
}

const loadFirstRunForm = () => import('./FirstRunForm').then((m) => m.FirstRunForm);

export function PopupApp({ host, store = settingsStore(), now = new Date() }: Props) {
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
    void host.activeTabId().then(async (id) => {
      setTabId(id);
      if (id !== undefined) setVerdict(await host.lastSignInVerdict(id));
    });
    void host.oneClickShortcut().then(setShortcut);
  }, [store, host]);

  async function save(next: Settings) {
    setSettings(next);
    try {
      await store.save(next);
    } catch (error) {
      setLoadError(`Could not save: ${(error as Error).message}`);
    }
  }

  // Reads the settings at the time of the change: a copy and a tick in quick succession both land.
  const latest = useRef<Settings>(undefined);
  latest.current = settings;
  function updateEnterprise<E extends Enterprise>(id: string, service: E['service'], change: (e: E) => E) {
    const current = latest.current;
    if (!current) return;
    const next = { ...current, enterprises: current.enterprises.map((e) => (e.id === id && e.service === service ? change(e as E) : e)) };
    latest.current = next;
    void save(next);
  }

  const open = (url: string) => host.openTab(url);
  const openOptions = () => host.openOptions();
  const openPanel = () => {
    if (tabId !== undefined) host.openPanel(tabId);
  };

  const capture = tabId === undefined ? undefined : { recordedSignIn: () => host.recordedSignIn(tabId), version: () => host.version() };

  async function addFirst({ region, key }: { region: SonarRegion; key: string }) {
    const enterprise: SonarEnterprise = { id: newId(), service: 'sonarqube-cloud', name: key, region, key, provisioning: 'jit', oktaExpress: false, checklist: {} };
    await save({ ...(settings ?? { enterprises: [], inviteTemplate: '', openOnClick: false }), enterprises: [enterprise], defaultId: enterprise.id });
    setJustAdded(true);
  }

  function card(enterprise: Enterprise, isDefault: boolean) {
    if (enterprise.service === 'devolutions-cloud') {
      return (
        <DevolutionsCard
          key={enterprise.id}
          instance={enterprise}
          isDefault={isDefault}
          now={now}
          onOpen={open}
          onManage={openOptions}
          onChange={(change) => updateEnterprise<DevolutionsInstance>(enterprise.id, 'devolutions-cloud', change)}
        />
      );
    }
    return (
      <SonarEnterpriseCard
        key={enterprise.id}
        enterprise={enterprise}
        isDefault={isDefault}
        inviteTemplate={settings?.inviteTemplate ?? ''}
        verdict={verdict}
        capture={capture}
        onOpen={open}
        onOpenPanel={openPanel}
        onChange={(change) => updateEnterprise<SonarEnterprise>(enterprise.id, 'sonarqube-cloud', change)}
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
      {settings && settings.enterprises.length === 0 && (
        // Shown once per install: its code (and the key fields') loads only then.
        <LazyView load={loadFirstRunForm} props={{ onAdd: addFirst, onOpenOptions: openOptions }} />
      )}
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
