import { ATTRIBUTE_RULES } from './attribute-rules';
import idpCertExpired from './idp-cert-expired';
import idpCertExpiring from './idp-cert-expiring';
import metadataMismatch from './metadata-mismatch';
import { PROTOCOL_RULES } from './protocol-rules';
import signatureInvalid from './signature-invalid';
import signedByUnknownCert from './signed-by-unknown-cert';
import type { Finding, Rule, Severity } from './types';
import weakSigningKey from './weak-signing-key';

/** Rules on verification results (signatures, certificates, metadata): silent unless the crypto step ran. */
export const TRUST_RULES: readonly Rule[] = [signatureInvalid, signedByUnknownCert, idpCertExpired, idpCertExpiring, weakSigningKey, metadataMismatch];

/** Every rule, in the order findings are listed within a severity. Adding a rule never touches the engine. */
export const RULES: readonly Rule[] = [...PROTOCOL_RULES, ...TRUST_RULES, ...ATTRIBUTE_RULES];

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The worst severity among findings, or null when there are none. */
export function worstSeverity(findings: readonly Pick<Finding, 'severity'>[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) if (worst === null || SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
