import { useState } from 'preact/hooks';
import { rolloutProgress, type RolloutEvidence } from '@/utils/checklist/rollout-progress';
import type { RolloutStepId } from '@/utils/checklist/rollout-steps';
import { DEFAULT_INVITE_TEMPLATE, renderInviteMessage } from '@/utils/links/invite-message';
import { SONAR_REGIONS, sonarLoginUrl, sonarOneClickLink } from '@/utils/links/sonarqube-cloud';
import type { SonarEnterprise } from '@/utils/settings/schema';
import { CopyButton } from './CopyButton';
import { RolloutChecklist } from './RolloutChecklist';

interface Props {
  enterprise: SonarEnterprise;
  isDefault: boolean;
  inviteTemplate: string;
  /** Evidence beyond what the enterprise itself records (a clean sign-in on this tab, group parity). */
  evidence: Omit<RolloutEvidence, 'linkCopiedAt'>;
  onOpen(url: string): void;
  onLinkCopied(): void;
  onToggleStep(id: RolloutStepId, done: boolean): void;
}

export function SonarEnterpriseCard({ enterprise, isDefault, inviteTemplate, evidence, onOpen, onLinkCopied, onToggleStep }: Props) {
  const [showChecklist, setShowChecklist] = useState(false);
  const link = sonarOneClickLink(enterprise.region, enterprise.key);
  const loginUrl = sonarLoginUrl(enterprise.region);
  const progress = rolloutProgress(enterprise.checklist, { ...evidence, linkCopiedAt: enterprise.linkCopiedAt });
  const titleId = `enterprise-${enterprise.id}`;
  const invite = () =>
    renderInviteMessage(inviteTemplate.trim() ? inviteTemplate : DEFAULT_INVITE_TEMPLATE, {
      link,
      loginUrl,
      enterprise: enterprise.name,
      enterpriseKey: enterprise.key,
    });

  return (
    <article class="card enterprise" aria-labelledby={titleId}>
      <header class="row">
        <h2 id={titleId}>{enterprise.name}</h2>
        {isDefault && <span class="badge level-ok">Default</span>}
        <span class="badge">SonarQube Cloud · {SONAR_REGIONS[enterprise.region].host}</span>
      </header>
      <p class="muted hint link-text" title={link}>
        {link}
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => onOpen(link)}>
          Open
        </button>
        <CopyButton label="Copy one-click link" text={link} onCopied={onLinkCopied} />
        <CopyButton label="Copy login URL" text={loginUrl} />
        <CopyButton label="Copy invite message" text={invite} />
      </div>
      <button
        type="button"
        class="link checklist-toggle"
        aria-expanded={showChecklist}
        onClick={() => setShowChecklist(!showChecklist)}
      >
        Rollout checklist ({progress.doneCount}/{progress.total} done)
      </button>
      {!showChecklist && progress.next && <p class="hint muted">Next: {progress.next.title}</p>}
      {showChecklist && <RolloutChecklist idPrefix={titleId} progress={progress} onToggle={onToggleStep} />}
    </article>
  );
}
