// The redacted export (redaction, re-encoding, its review) loads when the user exports, not with the panel.
export { exportFileName, prepareExport } from '@/utils/har/export-har';
export { ExportReview } from './ExportReview';
