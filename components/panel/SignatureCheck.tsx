import { useContext, useState } from 'preact/hooks';
import { issuerOrigin } from '@/utils/oidc/issuer-origin';
import type { DecodedJwt } from '@/utils/oidc/types';
import type { JwtSignatureCheck } from '@/utils/oidc/verify-jwt';
import { KeyFetchContext } from './key-fetch';

type Result = { check: JwtSignatureCheck; from: string } | { problem: string } | { busy: string };

const OUTCOME_CLASS: Record<JwtSignatureCheck['outcome'], string> = {
  valid: 'validity-valid',
  'signature-mismatch': 'validity-expired',
  'no-key': 'validity-expired',
  unsupported: 'muted',
};

// Verification code (jose) is loaded on the first click, not with the panel.
const loadVerify = () => import('@/utils/oidc/verify-jwt');
const loadFetch = () => import('@/utils/oidc/fetch-jwks');

/**
 * Checks a token's signature when the admin asks: against keys they paste (offline), or fetched from the
 * issuer after the click, which asks the browser for access to that host first. Nothing is fetched otherwise.
 */
export function SignatureCheck({ token }: { token: DecodedJwt }) {
  const keyFetch = useContext(KeyFetchContext);
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result | undefined>(undefined);
  const issuer = typeof token.payload?.iss === 'string' ? token.payload.iss : undefined;
  // Offered only for an issuer whose keys may be fetched (https, or a loopback test provider).
  const origin = issuer ? issuerOrigin(issuer) : undefined;

  const verifyPasted = async () => {
    const { readKeySource, verifyJwtSignature } = await loadVerify();
    const source = readKeySource(text);
    if (source.jwks) return setResult({ check: await verifyJwtSignature(token.raw, source.jwks), from: 'the pasted keys' });
    if (source.jwksUri) return setResult({ problem: `That is a discovery document: the keys are at ${source.jwksUri}. Paste that document instead.` });
    setResult({ problem: source.problem ?? 'No keys in the pasted text.' });
  };

  const fetchAndVerify = async (origin: string, from: string) => {
    // The permission request must be the first thing the click does: browsers grant it only inside a user action.
    let granted = false;
    try {
      const permission = keyFetch!.requestHostPermission(`${origin}/*`);
      setResult({ busy: `Asking for access to ${origin}…` });
      granted = await permission;
    } catch (e) {
      return setResult({ problem: `The browser refused the request: ${(e as Error)?.message ?? String(e)}` });
    }
    if (!granted) return setResult({ problem: `Access to ${origin} was not granted: nothing was fetched. Paste the keys instead.` });
    setResult({ busy: `Fetching the keys of ${from}…` });
    const [{ fetchIssuerKeys }, { verifyJwtSignature }] = await Promise.all([loadFetch(), loadVerify()]);
    const keys = await fetchIssuerKeys(from, keyFetch!.fetch);
    if (!keys.jwks) return setResult({ problem: keys.problem ?? 'The provider published no keys.' });
    setResult({ check: await verifyJwtSignature(token.raw, keys.jwks), from: keys.from ?? from });
  };

  if (token.problem || !token.header) return null;
  return (
    <details class="signature-check" data-testid="signature-check">
      <summary>Check the signature</summary>
      <label>
        Provider keys: its JWKS document (jwks_uri), pasted
        <textarea rows={3} spellcheck={false} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} data-testid="jwks-input" />
      </label>
      <div class="signature-actions">
        <button type="button" onClick={() => void verifyPasted()} data-testid="verify-pasted">
          Verify with these keys
        </button>
        {keyFetch && origin && (
          <button type="button" onClick={() => void fetchAndVerify(origin, issuer!)} data-testid="fetch-keys">
            Fetch the keys from {origin}
          </button>
        )}
      </div>
      {result && (
        <p
          role="status"
          data-testid="signature-result"
          data-outcome={'check' in result ? result.check.outcome : 'problem' in result ? 'problem' : 'busy'}
          class={'check' in result ? OUTCOME_CLASS[result.check.outcome] : 'problem' in result ? 'validity-expired' : 'muted'}
        >
          {'check' in result ? `${result.check.detail} Checked with ${result.from}.` : 'problem' in result ? result.problem : result.busy}
        </p>
      )}
    </details>
  );
}
