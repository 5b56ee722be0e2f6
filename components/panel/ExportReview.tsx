import { useEffect, useRef } from 'preact/hooks';
import type { RedactionSummary } from '@/utils/redact/summary';
import { describeSummary, summaryItems } from '@/utils/redact/summary';

export interface ExportReviewProps {
  summary: RedactionSummary;
  entries: number;
  /** Said in the summary when it is not a HAR file. */
  format?: 'har' | 'saml-tracer';
  replaceGroups: boolean;
  onReplaceGroups(replace: boolean): void;
  onSave(): void;
  onCancel(): void;
}

/** What redaction replaced, shown before the file is saved: the admin decides whether it may leave the machine. */
export function ExportReview({ summary, entries, format = 'har', replaceGroups, onReplaceGroups, onSave, onCancel }: ExportReviewProps) {
  const items = summaryItems(summary);
  // The review replaces the click's immediate save: keyboard users land on its Save button.
  const save = useRef<HTMLButtonElement>(null);
  useEffect(() => save.current?.focus(), []);
  return (
    <div class="notice notice-info export-review" role="dialog" aria-label="Review the redacted export" data-testid="export-review">
      <div>
        <p data-testid="export-summary">
          Redacted {format === 'saml-tracer' ? 'SAML-tracer export' : 'export'} of {entries} {entries === 1 ? 'exchange' : 'exchanges'}: {describeSummary(summary)}.
        </p>
        {items.length > 0 && (
          <ul class="export-review-counts">
            {items.map(([n, name]) => (
              <li key={name}>
                {n} {name}
              </li>
            ))}
          </ul>
        )}
        <p class="muted">Kept: issuers, destinations, audiences, times, status codes, algorithms, attribute names{replaceGroups ? '' : ' and group names'}.</p>
        <label class="check">
          <input type="checkbox" checked={replaceGroups} onChange={(e) => onReplaceGroups((e.currentTarget as HTMLInputElement).checked)} data-testid="replace-groups" />
          Replace group names too
        </label>
      </div>
      <div class="export-review-actions">
        <button type="button" ref={save} onClick={onSave} data-testid="export-save">
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
