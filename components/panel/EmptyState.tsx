import type { CaptureSource, SourceStatus } from '@/utils/panel/capture-source';
import type { PanelState } from '@/utils/panel/panel-state';
import { SignInHelpToggle } from './SignInHelpToggle';

export interface EmptyStateProps {
  source: CaptureSource;
  status: SourceStatus;
  state: PanelState;
  onEnableRecording(): void;
  onPickFile(): void;
}

export function EmptyState({ source, status, state, onEnableRecording, onPickFile }: EmptyStateProps) {
  if (state.file) {
    return (
      <div class="empty-state" data-testid="empty-state">
        <h2>No SAML in {state.file.name}</h2>
        <p>
          None of its {state.file.otherRequests} requests carries a SAMLRequest, SAMLResponse or SAMLart field. Record the HAR again from the
          service's login URL, with "Preserve log" on.
        </p>
      </div>
    );
  }
  if (source.kind === 'file') {
    return (
      <div class="empty-state" data-testid="empty-state">
        <h2>Open a capture</h2>
        <p>Import a HAR file, a SAML-tracer export or a saved SAML message, or drop it here. It is read in this page only.</p>
        <button type="button" class="primary" onClick={onPickFile}>
          Choose a file…
        </button>
      </div>
    );
  }
  if (status.error) {
    return (
      <div class="empty-state" data-testid="empty-state">
        <h2>The recorder is not available</h2>
        <p role="alert">{status.error}</p>
      </div>
    );
  }
  if (source.kind === 'recorder' && status.recording === false) {
    return (
      <div class="empty-state" data-testid="empty-state">
        <h2>Recording is off</h2>
        <p>
          With DevTools closed, SSO Lens sees sign-ins only while its recorder is on. Turning it on asks your browser for access to the sites you
          visit; SAML requests are kept in memory only, never on disk.
        </p>
        <button type="button" class="primary" onClick={onEnableRecording}>
          Turn on recording
        </button>
        <p class="muted">Or open DevTools (F12) and use the SAML panel, which needs no extra permission.</p>
      </div>
    );
  }
  return (
    <div class="empty-state" data-testid="empty-state">
      <h2>No SAML yet — start the sign-in from the service's login URL</h2>
      <p>
        SSO Lens lists SAML requests and responses as they happen, and keeps them across page loads.
        {state.otherRequests + state.recorderOtherRequests > 0 && ` ${state.otherRequests + state.recorderOtherRequests} other requests seen so far.`}
        {state.paused && ' Capture is paused.'}
      </p>
      <p class="muted">You can also import a HAR file or a SAML-tracer export, or drop one here.</p>
      <SignInHelpToggle />
    </div>
  );
}
