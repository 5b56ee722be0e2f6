import { useState } from 'preact/hooks';
import '../rollout/rollout.css';
import { SonarSignInHelp } from '../rollout/SonarSignInHelp';

/**
 * The SonarQube Cloud troubleshooter in the panel's empty state: with nothing captured it asks, cause by cause,
 * and its last step says how to capture what support needs with this panel.
 */
export function SignInHelpToggle() {
  const [open, setOpen] = useState(false);
  return (
    <div class="sign-in-help">
      <button type="button" aria-expanded={open} aria-controls="panel-sign-in-help" onClick={() => setOpen(!open)}>
        SonarQube Cloud sign-in doesn’t work?
      </button>
      {open && (
        <div id="panel-sign-in-help">
          <SonarSignInHelp
            idPrefix="panel"
            support={
              <ul>
                <li>Keep this panel open and start the sign-in again from the login URL (with the enterprise key).</li>
                <li>When it fails, select Export HAR with Redact checked: one click, and names, e-mails, signatures and cookies are replaced.</li>
                <li>Add when it happened, the user’s e-mail, and the enterprise key and region.</li>
              </ul>
            }
          />
        </div>
      )}
    </div>
  );
}
