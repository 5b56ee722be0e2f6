import { useState } from 'preact/hooks';
import { checkEnterpriseKey, type SonarRegion } from '@/utils/links/sonarqube-cloud';
import { SonarKeyFields } from './SonarKeyFields';

interface Props {
  onAdd(entry: { region: SonarRegion; key: string }): Promise<void> | void;
  onOpenOptions(): void;
}

/** The first-run state: two fields and the extension is useful. */
export function FirstRunForm({ onAdd, onOpenOptions }: Props) {
  const [region, setRegion] = useState<SonarRegion>('eu');
  const [keyText, setKeyText] = useState('');
  const [touched, setTouched] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setTouched(true);
    const check = checkEnterpriseKey(keyText);
    if (check.ok) await onAdd({ region, key: check.key });
  }

  return (
    <form class="card first-run" onSubmit={submit} aria-labelledby="first-run-title">
      <h2 id="first-run-title">Add your SonarQube Cloud enterprise</h2>
      <p class="muted hint">
        SonarQube Cloud accepts only sign-ins that start at SonarQube Cloud. Save your enterprise once; then one click
        (or Alt+Shift+L) signs you in, and you can copy the links to send to your users.
      </p>
      <SonarKeyFields
        idPrefix="first-run"
        region={region}
        keyText={keyText}
        onRegion={setRegion}
        onKey={setKeyText}
        touched={touched}
      />
      <div class="row">
        <button type="submit" class="primary">
          Add enterprise
        </button>
        <button type="button" class="link" onClick={onOpenOptions}>
          Add a Devolutions Cloud instance instead
        </button>
      </div>
    </form>
  );
}
