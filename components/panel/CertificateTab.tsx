import { useEffect, useState } from 'preact/hooks';
import type { SigningCertificates } from '@/utils/crypto/signing-certificates';
import type { SamlMessage } from '@/utils/saml/types';
import { certificateMatch, certificateRows, pemFileName } from '@/utils/trust/certificate-view';
import { signatureLabel } from '@/utils/trust/trust-facts';

export interface CertificateTabProps {
  message: SamlMessage;
  /** Downloads a file the admin asked for (the PEM). */
  saveFile(name: string, text: string, type?: string): void;
  /** Days left are counted from here (tests fix it). */
  now?: number;
  /** The certificate reader: the crypto code, loaded on demand so the panel's first load stays small. */
  read?: (xml: string) => Promise<SigningCertificates>;
}

const readOnDemand = (xml: string) => import('@/utils/crypto/signing-certificates').then((m) => m.signingCertificates(xml));

const OUTCOME: Record<string, string> = {
  valid: 'verifies',
  'digest-mismatch': 'does not verify (digest)',
  'signature-mismatch': 'does not verify (signature value)',
  unsupported: 'not checked (unsupported algorithm)',
  error: 'could not be checked',
};

/** The signing certificates a message carries: what to compare with the IdP's portal, and the PEM to give the SP. */
export function CertificateTab({ message, saveFile, now = Date.now(), read = readOnDemand }: CertificateTabProps) {
  const [result, setResult] = useState<SigningCertificates | { failed: string } | undefined>();
  useEffect(() => {
    let live = true;
    read(message.xml ?? '').then(
      (r) => live && setResult(r),
      (e: unknown) => live && setResult({ failed: (e as Error)?.message ?? String(e) }),
    );
    return () => {
      live = false;
    };
  }, [message.xml]);

  if (!result) return <p class="muted" role="status">Reading the certificates…</p>;
  if ('failed' in result) return <p role="alert">The certificates could not be read: {result.failed}</p>;
  const verification = message.verification;
  return (
    <div class="certificates" data-testid="certificate-view">
      {!result.certificates.length && <p>This message carries no certificate in its signatures' KeyInfo.</p>}
      {result.certificates.map(({ details, signedElements }) => {
        const match = certificateMatch(details, verification);
        const uses = (verification?.signatures ?? []).filter((s) => s.certificate?.sha256 === details.sha256);
        const title = `Certificate of ${signedElements.join(' and ')}`;
        return (
          <section key={details.sha256} class="certificate" aria-label={title} data-testid="certificate" data-match={match.state}>
            <h3>{title}</h3>
            <dl>
              {certificateRows(details, now).map((row) => (
                <div class="summary-row" key={row.label}>
                  <dt>{row.label}</dt>
                  <dd>{row.label.includes('thumbprint') || row.label === 'Serial number' ? <code>{row.value}</code> : row.value}</dd>
                </div>
              ))}
              {uses.map((s, i) => (
                <div class="summary-row" key={`use-${i}`}>
                  <dt>Signature</dt>
                  <dd>
                    {signatureLabel(message, s)} {OUTCOME[s.outcome] ?? s.outcome}
                  </dd>
                </div>
              ))}
            </dl>
            <p class={`certificate-match match-${match.state}`} data-testid="certificate-match">
              <strong>{match.state === 'matches' ? 'Trusted: ' : match.state === 'differs' ? 'Not the configured certificate: ' : 'Not compared: '}</strong>
              {match.text}
            </p>
            {match.state === 'differs' && (
              <ul class="configured-certificates">
                {match.configured.map((c) => (
                  <li key={c.sha256}>
                    Configured: {c.subject || '(no subject)'}, SHA-1 <code>{c.sha1}</code>, valid to {c.notAfter.slice(0, 10)}
                  </li>
                ))}
              </ul>
            )}
            <button type="button" data-testid="download-pem" onClick={() => saveFile(pemFileName(details), details.pem, 'application/x-pem-file')}>
              Download PEM
            </button>
          </section>
        );
      })}
      {result.problems.map((p) => (
        <p key={p} class="muted">
          {p}
        </p>
      ))}
    </div>
  );
}
