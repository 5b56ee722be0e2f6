import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { SONARQUBE_CLOUD_CAUSES, type SonarFacts } from '@/utils/troubleshoot/sonarqube-cloud-causes';
import { Troubleshooter } from './Troubleshooter';

interface SonarSignInHelpProps {
  enterprise?: SonarFacts['enterprise'];
  signIn?: SonarFacts['signIn'];
  support: ComponentChildren;
  idPrefix: string;
}

/** "Sign-in doesn't work" for SonarQube Cloud, in the popup and the panel's empty state. */
export function SonarSignInHelp({ enterprise, signIn, support, idPrefix }: SonarSignInHelpProps) {
  const [pasted, setPasted] = useState('');
  const facts: SonarFacts = { enterprise: enterprise ?? { region: 'eu', key: '', provisioning: 'jit', oktaExpress: false }, ...(signIn ? { signIn } : {}) };
  // Without an enterprise there is no key to compare a pasted link with.
  if (enterprise && pasted.trim()) facts.pastedLink = pasted;
  return (
    <Troubleshooter
      title="Sign-in doesn’t work"
      causes={SONARQUBE_CLOUD_CAUSES}
      facts={facts}
      inputs={
        <>
          <p class="hint muted">
            {signIn
              ? `Using the sign-in captured at ${new Date(signIn.at).toLocaleTimeString()}.`
              : 'No sign-in captured for this enterprise: SSO Lens will ask instead. Capture one (SAML panel or recording) to let it check.'}
          </p>
          {enterprise && (
            <label class="field">
              <span>The link or key the user used (optional)</span>
              <input id={`${idPrefix}-pasted`} type="text" spellcheck={false} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
            </label>
          )}
        </>
      }
      support={support}
    />
  );
}

