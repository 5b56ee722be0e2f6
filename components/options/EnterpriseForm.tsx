import { useState } from 'preact/hooks';
import { checkInstanceUrl } from '@/utils/links/devolutions-cloud';
import { checkEnterpriseKey, type SonarRegion } from '@/utils/links/sonarqube-cloud';
import { newId, type Enterprise } from '@/utils/settings/schema';
import { SonarKeyFields } from '../popup/SonarKeyFields';

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
      if (!check.ok) return;
      onSubmit({
        id,
        service,
        name: name.trim() || check.key,
        region,
        key: check.key,
        checklist: initial?.service === 'sonarqube-cloud' ? initial.checklist : {},
        ...(initial?.service === 'sonarqube-cloud' && initial.key === check.key && initial.linkCopiedAt
          ? { linkCopiedAt: initial.linkCopiedAt }
          : {}),
      });
    } else {
      if (!urlCheck.ok) return;
      onSubmit({
        id,
        service,
        name: name.trim() || new URL(urlCheck.url).hostname,
        url: urlCheck.url,
        invitations: initial?.service === 'devolutions-cloud' ? initial.invitations : [],
      });
    }
    if (!initial) {
      setName('');
      setKeyText('');
      setUrlText('');
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
        <SonarKeyFields idPrefix={prefix} region={region} keyText={keyText} onRegion={setRegion} onKey={setKeyText} touched={touched} />
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
