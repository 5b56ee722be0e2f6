import { SSO_FIELDS, type SonarSsoSetup, type SsoField } from '@/utils/settings/schema';
import type { IdpKind } from '@/utils/profiles/types';

interface Props {
  idPrefix: string;
  value: SonarSsoSetup;
  onChange(value: SonarSsoSetup): void;
}

const FIELD_LABELS: Record<SsoField, string> = { login: 'Login attribute', name: 'Name attribute', email: 'Email attribute', groups: 'Groups attribute' };

/** True when the typed ACS URL cannot be one (the assistant shows an https URL). */
export function acsUrlProblem(text: string | undefined): string | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  return /^https?:\/\/[^\s]+$/i.test(value) ? undefined : 'Paste the Single Sign-On URL exactly as the setup assistant shows it (https://…).';
}

/**
 * The values SonarQube Cloud's SSO setup assistant shows, copied here so that the analysis judges this
 * enterprise's sign-ins by them: its ACS and Entity ID, and the attribute names the admin copies into the IdP.
 */
export function SsoSetupFields({ idPrefix, value, onChange }: Props) {
  const set = (patch: Partial<SonarSsoSetup>) => onChange({ ...value, ...patch });
  const setAttribute = (field: SsoField, name: string) => onChange({ ...value, attributes: { ...value.attributes, [field]: name } });
  const problem = acsUrlProblem(value.acsUrl);
  const given = !!(value.acsUrl || value.entityId || value.idp || Object.values(value.attributes ?? {}).some(Boolean));
  return (
    <details class="sso-setup" open={given}>
      <summary>Values from the SSO setup assistant (optional: sign-ins are then judged by them)</summary>
      <label class="field">
        <span>Single Sign-On URL</span>
        <input
          type="url"
          value={value.acsUrl ?? ''}
          spellcheck={false}
          aria-invalid={!!problem}
          aria-describedby={`${idPrefix}-acs-note`}
          onInput={(e) => set({ acsUrl: e.currentTarget.value })}
        />
      </label>
      <div id={`${idPrefix}-acs-note`}>
        {problem && (
          <p class="hint error-text" role="alert">
            {problem}
          </p>
        )}
      </div>
      <label class="field">
        <span>Entity ID</span>
        <input type="text" value={value.entityId ?? ''} spellcheck={false} onInput={(e) => set({ entityId: e.currentTarget.value })} />
      </label>
      {SSO_FIELDS.map((field) => (
        <label class="field" key={field}>
          <span>{FIELD_LABELS[field]}</span>
          <input type="text" value={value.attributes?.[field] ?? ''} spellcheck={false} onInput={(e) => setAttribute(field, e.currentTarget.value)} />
        </label>
      ))}
      <label class="field">
        <span>Identity provider</span>
        <select value={value.idp ?? ''} onChange={(e) => set({ idp: (e.currentTarget.value || undefined) as IdpKind | undefined })}>
          <option value="">Not set</option>
          <option value="entra">Microsoft Entra ID</option>
          <option value="okta">Okta</option>
          <option value="other">Another IdP</option>
        </select>
      </label>
      <p class="hint">Copy the attribute names from the assistant into your IdP as they are here: names are compared exactly.</p>
    </details>
  );
}
