// The popup's rollout views for each service, loaded when the admin opens them: the step texts and the causes
// are most of their weight, and the popup opens without them.
import { useState } from 'preact/hooks';
import { DEFAULT_CHOICES, type RolloutChoices } from '@/utils/checklist/checklist-types';
import { DEVOLUTIONS_CLOUD_CHECKLIST } from '@/utils/checklist/devolutions-cloud-steps';
import type { ManualChecks, RolloutEvidence } from '@/utils/checklist/rollout-progress';
import { SONARQUBE_CLOUD_CHECKLIST } from '@/utils/checklist/sonarqube-cloud-steps';
import { exportFileName, exportHar } from '@/utils/har/export-har';
import { invitationExpiry } from '@/utils/links/devolutions-cloud';
import { sonarRegionOfHost } from '@/utils/links/sonarqube-cloud';
import type { RecorderSignIn } from '@/utils/recorder/protocol';
import type { DevolutionsInstance, SonarEnterprise } from '@/utils/settings/schema';
import type { TabVerdict } from '@/utils/settings/verdict';
import { DEVOLUTIONS_CLOUD_CAUSES } from '@/utils/troubleshoot/devolutions-cloud-causes';
import type { SonarFacts } from '@/utils/troubleshoot/sonarqube-cloud-causes';
import { saveTextFile } from '../panel/save-file';
import { RolloutChecklist } from './RolloutChecklist';
import { SonarSignInHelp } from './SonarSignInHelp';
import { Troubleshooter } from './Troubleshooter';

export type RolloutView = 'checklist' | 'troubleshoot';

/** The captured sign-in, as the troubleshooter reads it, when it went to this enterprise's region. */
export function signInFacts(verdict: TabVerdict | undefined, region: SonarEnterprise['region'] | undefined): SonarFacts['signIn'] {
  if (!verdict || !verdict.host || (region && sonarRegionOfHost(verdict.host) !== region)) return undefined;
  // Verdicts kept by an older version name only their top finding.
  const rules = verdict.rules ?? (verdict.topFinding ? [{ id: verdict.topFinding.rule, severity: verdict.topFinding.severity }] : []);
  return {
    at: verdict.at,
    rules,
    ...(verdict.groupsMatch !== undefined ? { groupsMatch: verdict.groupsMatch } : {}),
    ...(verdict.topFinding ? { topFinding: verdict.topFinding } : {}),
  };
}

function isClean(verdict: TabVerdict): boolean {
  return verdict.worst === 'ok' || verdict.worst === 'info';
}

export function sonarEvidence(enterprise: SonarEnterprise, verdict?: TabVerdict): RolloutEvidence {
  const here = !!verdict?.host && sonarRegionOfHost(verdict.host) === enterprise.region;
  return {
    ...(here && verdict && isClean(verdict) ? { cleanSignInAt: verdict.at } : {}),
    ...(here && verdict?.groupsMatch ? { groupParityOk: true } : {}),
    ...(enterprise.linkCopiedAt ? { linkCopiedAt: enterprise.linkCopiedAt } : {}),
    ...(enterprise.inviteCopiedAt ? { inviteCopiedAt: enterprise.inviteCopiedAt } : {}),
  };
}

export function sonarChoices(enterprise: SonarEnterprise): RolloutChoices {
  return { provisioning: enterprise.provisioning, oktaExpress: enterprise.oktaExpress, bitbucketCloud: enterprise.bitbucketCloud ?? false };
}

type ExportState = { kind: 'idle' } | { kind: 'done'; count: number } | { kind: 'nothing' } | { kind: 'failed'; message: string };

/** Where the support export reads the recorder's capture of the tab (the popup's host gives it). */
export interface SupportCapture {
  recordedSignIn(): Promise<RecorderSignIn | undefined>;
  /** The extension's version, written into the HAR. */
  version(): string;
}

/** What support needs: a redacted HAR of the failing sign-in, exported in one click from the recorder's capture. */
function SupportForSonar({ capture, onOpenPanel }: { capture?: SupportCapture; onOpenPanel(): void }) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  async function exportNow() {
    if (!capture) return setState({ kind: 'nothing' });
    try {
      const signIn = await capture.recordedSignIn();
      if (!signIn?.entries.length) return setState({ kind: 'nothing' });
      const exchanges = signIn.entries.map((entry) => ({ entry, source: 'recorder' as const }));
      saveTextFile(exportFileName(new Date(), true), exportHar(exchanges, { redact: true, version: capture.version() }));
      setState({ kind: 'done', count: exchanges.length });
    } catch (e) {
      setState({ kind: 'failed', message: (e as Error).message });
    }
  }
  return (
    <>
      <ul class="hint">
        <li>A redacted HAR of the failing sign-in, started from the login URL.</li>
        <li>When it happened, and the user’s e-mail.</li>
        <li>The enterprise key and region.</li>
      </ul>
      <button type="button" class="primary" onClick={() => void exportNow()}>
        Export redacted HAR
      </button>
      {state.kind === 'done' && <p class="hint ok-text">Exported {state.count} requests, redacted: check the file before you share it.</p>}
      {state.kind === 'failed' && <p class="hint error-text" role="alert">Could not export: {state.message}</p>}
      {state.kind === 'nothing' && (
        <p class="hint warning-text">
          Nothing recorded on this tab.{' '}
          <button type="button" class="link" onClick={onOpenPanel}>
            Open the SAML panel
          </button>
          , sign in again, then Export HAR with Redact on.
        </p>
      )}
    </>
  );
}

export interface SonarRolloutProps {
  view: RolloutView;
  enterprise: SonarEnterprise;
  verdict?: TabVerdict;
  /** The recorder's capture of the popup's tab; none when the popup is about no tab. */
  capture?: SupportCapture;
  onChange(change: (e: SonarEnterprise) => SonarEnterprise): void;
  onOpenPanel(): void;
  idPrefix: string;
}

const tick = (checklist: ManualChecks, key: string, done: boolean): ManualChecks => ({ ...checklist, [key]: { done, at: new Date().toISOString() } });

export function SonarRollout({ view, enterprise, verdict, capture, onChange, onOpenPanel, idPrefix }: SonarRolloutProps) {
  if (view === 'troubleshoot') {
    return (
      <SonarSignInHelp
        idPrefix={idPrefix}
        enterprise={{ region: enterprise.region, key: enterprise.key, provisioning: enterprise.provisioning, oktaExpress: enterprise.oktaExpress }}
        signIn={signInFacts(verdict, enterprise.region)}
        support={<SupportForSonar capture={capture} onOpenPanel={onOpenPanel} />}
      />
    );
  }
  return (
    <RolloutChecklist
      idPrefix={idPrefix}
      checklist={SONARQUBE_CLOUD_CHECKLIST}
      manual={enterprise.checklist}
      choices={sonarChoices(enterprise)}
      evidence={sonarEvidence(enterprise, verdict)}
      admins={enterprise.admins ?? []}
      onTick={(key, done) => onChange((e) => ({ ...e, checklist: tick(e.checklist, key, done) }))}
      onChoices={(c) => onChange((e) => ({ ...e, provisioning: c.provisioning, oktaExpress: c.oktaExpress, bitbucketCloud: c.bitbucketCloud }))}
      onAdmins={(admins) => onChange((e) => ({ ...e, admins }))}
    />
  );
}

export function devolutionsEvidence(instance: DevolutionsInstance, now: Date): RolloutEvidence {
  const open = [...instance.invitations]
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt))
    .map((i) => ({ i, expiry: invitationExpiry(i.sentAt, now) }))
    .find(({ expiry }) => expiry && !expiry.expired);
  return open ? { openInvitation: { who: open.i.who, expiresAt: open.expiry!.expiresAt } } : {};
}

export interface DevolutionsRolloutProps {
  view: RolloutView;
  instance: DevolutionsInstance;
  now: Date;
  onChange(change: (i: DevolutionsInstance) => DevolutionsInstance): void;
  idPrefix: string;
}

export function DevolutionsRollout({ view, instance, now, onChange, idPrefix }: DevolutionsRolloutProps) {
  const [invitationId, setInvitationId] = useState('');
  if (view === 'troubleshoot') {
    const invitation = instance.invitations.find((i) => i.id === invitationId);
    return (
      <Troubleshooter
        title="A user can’t get in"
        causes={DEVOLUTIONS_CLOUD_CAUSES}
        facts={{ now, ...(invitation ? { invitation } : {}) }}
        inputs={
          <label class="field">
            <span>Their invitation</span>
            <select value={invitationId} onChange={(e) => setInvitationId(e.currentTarget.value)}>
              <option value="">Not recorded in SSO Lens</option>
              {instance.invitations.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.who || i.code || 'Unnamed'} (sent {i.sentAt.slice(0, 10)})
                </option>
              ))}
            </select>
          </label>
        }
        support={
          <ul class="hint">
            <li>The user’s e-mail and when their invitation was sent.</li>
            <li>What they see, and a redacted HAR of their attempt (SAML panel: Export HAR with Redact on).</li>
          </ul>
        }
      />
    );
  }
  return (
    <RolloutChecklist
      idPrefix={idPrefix}
      checklist={DEVOLUTIONS_CLOUD_CHECKLIST}
      manual={instance.checklist ?? {}}
      choices={DEFAULT_CHOICES}
      evidence={devolutionsEvidence(instance, now)}
      onTick={(key, done) => onChange((i) => ({ ...i, checklist: tick(i.checklist ?? {}, key, done) }))}
    />
  );
}
