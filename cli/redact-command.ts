import { exportHar } from '../utils/har/export-har';
import type { HarEntry } from '../utils/har/types';

/**
 * `sso-lens redact`: the input as a redacted HAR. The one call into the redaction code, so that a change of its
 * interface is a change here only.
 */
export function redactedHar(entries: readonly HarEntry[], version: string): string {
  return exportHar(
    entries.map((entry) => ({ entry, source: 'cli' as const })),
    { redact: true, version },
  );
}
