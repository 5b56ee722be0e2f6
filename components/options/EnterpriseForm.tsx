import { useState } from 'preact/hooks';
import { checkInstanceUrl } from '@/utils/links/devolutions-cloud';
import { checkEnterpriseKey, type SonarRegion } from '@/utils/links/sonarqube-cloud';
import { newId, readSsoSetup, type Enterprise, type SonarSsoSetup } from '@/utils/settings/schema';
import { SonarKeyFields } from '../popup/SonarKeyFields';
import { acsUrlProblem, SsoSetupFields } from './SsoSetupFields';

interface Props {
  /** The enterprise being edited; absent when adding. */
  initial?: Enterprise;
  onSubmit(enterprise: Enterprise): void;
  onCancel?(): void;
}

type Service = Enterprise['service'];

/** Adds or edits one enterprise; keys and URLs are checked as typed. */
export function EnterpriseForm({ initial, onSubmit, onCancel }: Props) {
  const [service, setService] = useState<Service>(initial?.service ?? 'sonarqube-cloud');
  const [name, setName] = useState(initial?.name ?? '');
  const [region, setRegion] = useState<SonarRegion>(initial?.service === 'sonarqube-cloud' ? initial.region : 'eu');
  const [keyText, setKeyText] = useState(initial?.service === 'sonarqube-cloud' ? initial.key : '');
  const [urlText, setUrlText] = useState(initial?.service === 'devolutions-cloud' ? initial.url : '');
  const sonar = initial?.service === 'sonarqube-cloud' ? initial : undefined;
  const [provisioning, setProvisioning] = useState<'jit' | 'scim'>(sonar?.provisioning ?? 'jit');
  const [oktaExpress, setOktaExpress] = useState(sonar?.oktaExpress ?? false);
  const [bitbucketCloud, setBitbucketCloud] = useState(sonar?.bitbucketCloud ?? false);
  const [sso, setSso] = useState<SonarSsoSetup>(sonar?.sso ?? {});
  const [touched, setTouched] = useState(false);
  const prefix = `form-${initial?.id ?? 'new'}`;

  const urlCheck = checkInstanceUrl(urlText);
  const showUrlProblem = !urlCheck.ok && (touched || urlText.length > 0);

  function submit(event: Event) {
    event.preventDefault();
    setTouched(true);
    const id = initial?.id ?? newId();
    if (service === 'sonarqube-cloud') {
      const check = checkEnterpriseKey(keyText);
      if (!check.ok || acsUrlProblem(sso.acsUrl)) return;
      const setup = readSsoSetup(sso);
      // Evidence recorded for another key is not evidence for this one.
      const sameKey = sonar?.key === check.key;
      onSubmit({
        ...(sonar ?? {}),
        id,
        service,
        name: name.trim() || check.key,
        region,
        key: check.key,
        provisioning,
        oktaExpress,
        sso: setup,
        ...(bitbucketCloud ? { bitbucketCloud } : { bitbucketCloud: undefined }),
        checklist: sonar?.checklist ?? {},
        linkCopiedAt: sameKey ? sonar?.linkCopiedAt : undefined,
        inviteCopiedAt: sameKey ? sonar?.inviteCopiedAt : undefined,
      });
    } else {
      if (!urlCheck.ok) return;
      onSubmit({
        id,
        service,
        name: name.trim() || new URL(urlCheck.url).hostname,
        url: urlCheck.url,
        invitations: initial?.service === 'devolutions-cloud' ? initial.invitations : [],
        ...(initial?.service === 'devolutions-cloud' && initial.checklist ? { checklist: initial.checklist } : {}),
      });
    }
    if (!initial) {
      setName('');
      setKeyText('');
      setUrlText('');
      setSso({});
      setTouched(false);
    }
  }

  return (
    <form class="enterprise-form" onSubmit={submit} aria-label={initial ? `Edit ${initial.name}` : 'Add an enterprise'}>
      {!initial && (
        <label class="field">
          <span>Service</span>
          <select value={service} onChange={(e) => setService(e.currentTarget.value as Service)}>
            <option value="sonarqube-cloud">SonarQube Cloud enterprise</option>
            <option value="devolutions-cloud">Devolutions Cloud instance</option>
          </select>
        </label>
      )}
      <label class="field">
        <span>Name</span>
        <input type="text" value={name} placeholder="Shown in the popup (optional)" onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      {service === 'sonarqube-cloud' ? (
        <>
          <SonarKeyFields idPrefix={prefix} region={region} keyText={keyText} onRegion={setRegion} onKey={setKeyText} touched={touched} />
          <fieldset class="rollout-choices">
            <legend>Your SSO setup (decides the rollout steps)</legend>
            <label class="field">
              <span>Provisioning</span>
              <select value={provisioning} onChange={(e) => setProvisioning(e.currentTarget.value === 'scim' ? 'scim' : 'jit')}>
                <option value="jit">JIT: accounts made at first sign-in, groups created by hand first</option>
                <option value="scim">SCIM: the IdP provisions users and groups</option>
              </select>
            </label>
            <label class="check">
              <input type="checkbox" checked={oktaExpress} onChange={(e) => setOktaExpress(e.currentTarget.checked)} />
              Set up with Okta's Express Configuration
            </label>
            <label class="check">
              <input type="checkbox" checked={bitbucketCloud} onChange={(e) => setBitbucketCloud(e.currentTarget.checked)} />
              Organizations bound to Bitbucket Cloud workspaces
            </label>
          </fieldset>
          <SsoSetupFields idPrefix={prefix} value={sso} onChange={setSso} />
        </>
      ) : (
        <>
          <label class="field">
            <span>Instance URL</span>
            <input
              type="url"
              value={urlText}
              placeholder="https://acme.devolutions.app"
              spellcheck={false}
              aria-invalid={showUrlProblem}
              aria-describedby={`${prefix}-url-note`}
              onInput={(e) => setUrlText(e.currentTarget.value)}
            />
          </label>
          <div id={`${prefix}-url-note`}>
            {showUrlProblem && !urlCheck.ok && (
              <p class="hint error-text" role="alert">
                {urlCheck.message}
              </p>
            )}
            {urlCheck.ok && urlCheck.warning && <p class="hint warning-text">{urlCheck.warning}</p>}
          </div>
        </>
      )}
      <div class="row">
        <button type="submit" class="primary">
          {initial ? 'Save' : 'Add'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
