import type { RefObject } from 'preact';
import type { ExportFormat } from '@/utils/har/export-har';
import type { CaptureSource } from '@/utils/panel/capture-source';
import type { MessageFilters, SeverityFilter } from '@/utils/panel/filter-messages';
import type { PanelState } from '@/utils/panel/panel-state';
import { isProfileId, type ProfileId } from '@/utils/profiles';
import type { MessageKind } from '@/utils/saml/types';
import type { OidcKind } from '@/utils/oidc/types';

const PROFILE_CHOICES: ReadonlyArray<[ProfileId, string]> = [
  ['sonarqube-cloud', 'Service: SonarQube Cloud'],
  ['generic', 'Service: generic SAML'],
];

const KINDS: ReadonlyArray<MessageKind | OidcKind> = [
  'AuthnRequest',
  'Response',
  'LogoutRequest',
  'LogoutResponse',
  'Artifact',
  'ArtifactResolve',
  'ArtifactResponse',
  'Saml11Response',
  'WsFedResponse',
  'Unknown',
  'AuthorizationRequest',
  'AuthorizationResponse',
  'ErrorResponse',
  'TokenRequest',
  'TokenResponse',
  'Discovery',
  'EndSession',
];
const SEVERITIES: ReadonlyArray<[SeverityFilter, string]> = [
  ['all', 'Any severity'],
  ['error', 'Errors'],
  ['warning', 'Warnings'],
  ['info', 'Info'],
  ['clean', 'No findings'],
];

export interface ToolbarProps {
  source: CaptureSource;
  state: PanelState;
  redact: boolean;
  onRedact(redact: boolean): void;
  onPause(paused: boolean): void;
  onClear(): void;
  onImport(file: File): void;
  onExport(format: ExportFormat): void;
  onFilter(filters: Partial<MessageFilters>): void;
  onProfile(profile: ProfileId | undefined): void;
  /** The file input, also opened from the empty state. */
  importInput: RefObject<HTMLInputElement | null>;
}

export function Toolbar({ source, state, redact, onRedact, onPause, onClear, onImport, onExport, onFilter, onProfile, importInput: input }: ToolbarProps) {
  const empty = state.exchanges.length === 0;
  return (
    // A banner landmark with the page's heading: a plain group of controls reached with Tab (no toolbar role,
    // which would promise arrow-key movement that selects and the filter box need for themselves).
    <header class="toolbar">
      <h1 class="visually-hidden">SSO Lens: SAML panel</h1>
      {source.kind !== 'file' && (
        <button type="button" aria-pressed={state.paused} onClick={() => onPause(!state.paused)} title={state.paused ? 'Capture new SAML requests again' : 'Stop adding new SAML requests to the list'}>
          {/* Drawn glyphs: the emoji forms of these symbols show as empty boxes where no emoji font is installed. */}
          <span class={state.paused ? 'glyph glyph-play' : 'glyph glyph-pause'} aria-hidden="true" />
          {state.paused ? 'Resume' : 'Pause'}
        </button>
      )}
      <button type="button" onClick={onClear} disabled={empty && !state.file} title="Remove every capture from the list">
        Clear
      </button>
      <span class="separator" />
      <button type="button" onClick={() => input.current?.click()} title="Open a HAR file, a SAML-tracer export or a saved SAML message (or drop it on the panel)">
        Import…
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".har,.json,.xml,.b64,.txt,application/json,text/xml,text/plain"
        data-testid="har-import"
        aria-label="Import a HAR file or SAML-tracer export"
        onChange={(e) => {
          const el = e.currentTarget as HTMLInputElement;
          const file = el.files?.[0];
          if (file) onImport(file);
          el.value = ''; // the same file can be opened again
        }}
      />
      <button type="button" data-testid="export-button" onClick={() => onExport('har')} disabled={empty} title={empty ? 'Nothing to export yet' : 'Save the SAML captures as a HAR file'}>
        Export HAR
      </button>
      <button
        type="button"
        data-testid="export-tracer-button"
        onClick={() => onExport('saml-tracer')}
        disabled={empty}
        title={empty ? 'Nothing to export yet' : "Save the captures as a SAML-tracer export (SAML-tracer's Import opens it)"}
      >
        Export SAML-tracer
      </button>
      <label class="check" title="Replace e-mail addresses, NameIDs, attribute values, tokens, JWT claims, cookies, credential headers, signatures and certificates; you see what was replaced before saving">
        <input type="checkbox" checked={redact} onChange={(e) => onRedact((e.currentTarget as HTMLInputElement).checked)} data-testid="redact-checkbox" />
        Redact
      </label>
      <span class="separator" />
      <select
        aria-label="Target service"
        data-testid="profile-select"
        title="What the service expects: detected from where the messages go, or chosen here (e.g. SonarQube Cloud behind a proxy)"
        value={state.profile ?? 'auto'}
        onChange={(e) => {
          const value = (e.currentTarget as HTMLSelectElement).value;
          onProfile(isProfileId(value) ? value : undefined);
        }}
      >
        <option value="auto">Service: detect</option>
        {PROFILE_CHOICES.map(([id, label]) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </select>
      <select aria-label="Severity" value={state.filters.severity} onChange={(e) => onFilter({ severity: (e.currentTarget as HTMLSelectElement).value as SeverityFilter })}>
        {SEVERITIES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <select aria-label="Protocol" value={state.filters.protocol ?? 'all'} onChange={(e) => onFilter({ protocol: (e.currentTarget as HTMLSelectElement).value as NonNullable<MessageFilters['protocol']> })}>
        <option value="all">SAML and OIDC</option>
        <option value="saml">SAML</option>
        <option value="oidc">OpenID Connect</option>
      </select>
      <select aria-label="Kind" value={state.filters.kind} onChange={(e) => onFilter({ kind: (e.currentTarget as HTMLSelectElement).value as MessageFilters['kind'] })}>
        <option value="all">Any kind</option>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      <input
        type="search"
        class="filter-text"
        placeholder="Filter: issuer, NameID, group, rule…"
        aria-label="Filter text"
        value={state.filters.text}
        onInput={(e) => onFilter({ text: (e.currentTarget as HTMLInputElement).value })}
      />
    </header>
  );
}
