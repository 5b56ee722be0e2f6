import { DEFAULT_INVITE_TEMPLATE, renderInviteMessage } from '@/utils/links/invite-message';
import { SONAR_REGIONS, sonarLoginUrl, sonarOneClickLink } from '@/utils/links/sonarqube-cloud';
import type { SonarEnterprise } from '@/utils/settings/schema';
import type { TabVerdict } from '@/utils/settings/verdict';
import type { SupportCapture } from '../rollout/rollout-views';
import { CopyButton } from './CopyButton';
import { RolloutToggles } from './RolloutToggles';

interface Props {
  enterprise: SonarEnterprise;
  isDefault: boolean;
  inviteTemplate: string;
  /** The last sign-in on this tab: evidence for the checklist, facts for the troubleshooter. */
  verdict?: TabVerdict;
  /** The recorder's capture of the popup's tab, for the troubleshooter's support export. */
  capture?: SupportCapture;
  onOpen(url: string): void;
  onChange(change: (e: SonarEnterprise) => SonarEnterprise): void;
  onOpenPanel(): void;
}

export function SonarEnterpriseCard({ enterprise, isDefault, inviteTemplate, verdict, capture, onOpen, onChange, onOpenPanel }: Props) {
  const link = sonarOneClickLink(enterprise.region, enterprise.key);
  const loginUrl = sonarLoginUrl(enterprise.region);
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
        <CopyButton label="Copy one-click link" text={link} onCopied={() => onChange((e) => ({ ...e, linkCopiedAt: new Date().toISOString() }))} />
        <CopyButton label="Copy login URL" text={loginUrl} />
        <CopyButton label="Copy invite message" text={invite} onCopied={() => onChange((e) => ({ ...e, inviteCopiedAt: new Date().toISOString() }))} />
      </div>
      <RolloutToggles idPrefix={titleId} troubleshootLabel="Sign-in doesn’t work?">
        {(views, view) => (
          <views.SonarRollout view={view} idPrefix={titleId} enterprise={enterprise} verdict={verdict} capture={capture} onChange={onChange} onOpenPanel={onOpenPanel} />
        )}
      </RolloutToggles>
    </article>
  );
}
