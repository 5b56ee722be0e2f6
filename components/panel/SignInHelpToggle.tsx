import '../rollout/rollout.css';
import { useEffect, useState } from 'preact/hooks';

type HelpModule = typeof import('../rollout/SonarSignInHelp');

/**
 * The SonarQube Cloud troubleshooter in the panel's empty state: with nothing captured it asks, cause by cause,
 * and its last step says how to capture what support needs with this panel. Its texts load on first use, so the
 * panel opens without them.
 */
export function SignInHelpToggle() {
  const [open, setOpen] = useState(false);
  const [help, setHelp] = useState<HelpModule>();
  const [failed, setFailed] = useState('');
  useEffect(() => {
    if (!open || help) return;
    let live = true;
    import('../rollout/SonarSignInHelp').then(
      (m) => live && setHelp(m),
      (e: Error) => live && setFailed(e.message),
    );
    return () => {
      live = false;
    };
  }, [open, help]);
  return (
    <div class="sign-in-help">
      <button type="button" aria-expanded={open} aria-controls="panel-sign-in-help" onClick={() => setOpen(!open)}>
        SonarQube Cloud sign-in doesn’t work?
      </button>
      {open && (
        <div id="panel-sign-in-help">
          {failed && <p role="alert">Could not load: {failed}</p>}
          {help && (
            <help.SonarSignInHelp
              idPrefix="panel"
              support={
                <ul>
                  <li>Keep this panel open and start the sign-in again from the login URL (with the enterprise key).</li>
                  <li>When it fails, select Export HAR with Redact checked: one click, and names, e-mails, signatures and cookies are replaced.</li>
                  <li>Add when it happened, the user’s e-mail, and the enterprise key and region.</li>
                </ul>
              }
            />
          )}
        </div>
      )}
    </div>
  );
}
