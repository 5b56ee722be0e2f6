// OpenID Connect's lines: detection with both protocols on over everyday traffic, and one ID token with 200
// groups (Entra ID's JWT maximum) read, paired and judged by every OIDC rule.
import { analyzeOidc } from '../utils/oidc/analyze-oidc';
import { detectOidc } from '../utils/oidc/detect';
import { detectSaml } from '../utils/saml/detect';
import { oidcSignIn } from '../tests/support/oidc-builder';
import { nonSamlEntries } from './inputs';
import type { Line } from './report';
import { time } from './timing';

export function detectBothLine(): Line {
  const entries = nonSamlEntries(10_000);
  const t = time(
    () => {
      let found = 0;
      for (const e of entries) if (detectSaml(e) || detectOidc(e)) found++;
      if (found) throw new Error('the non-SSO workload was detected as SAML or OIDC');
      return found;
    },
    { warmup: 20, runs: 200 },
  );
  return { id: 'detect-10k-non-sso-saml-oidc', label: 'detect, 10,000 non-SSO entries, SAML + OIDC (total)', value: t.medianMs, unit: 'ms', target: 10, note: `${t.runs} runs; fastest ${t.minMs.toFixed(2)} ms (a run longer than the scheduler's slice is often cut on a loaded machine)` };
}

export async function idTokenLine(): Promise<Line> {
  const groups = Array.from({ length: 200 }, (_, i) => `${String(i).padStart(8, '0')}-aaaa-bbbb-cccc-ddddeeeeffff`);
  const entries = await oidcSignIn({ responseType: 'id_token', responseMode: 'form_post', claims: { groups } });
  const post = entries[1]!;
  const pair = [entries[0]!, post];
  const check = analyzeOidc(pair);
  const token = check.messages.find((m) => m.kind === 'AuthorizationResponse')?.response?.idToken;
  if ((token?.payload?.groups as unknown[] | undefined)?.length !== 200) throw new Error('the ID token workload did not read 200 groups');
  if (check.findings.length) throw new Error(`the clean ID token workload has findings: ${check.findings.map((f) => f.rule).join(', ')}`);
  const t = time(() => analyzeOidc(pair), { warmup: 200, runs: 2000 });
  const size = `${(token!.raw.length / 1024).toFixed(1)} KB token`;
  return { id: 'oidc-id-token-200-groups', label: 'decode + rules, one ID token with 200 groups', value: t.medianMs, unit: 'ms', target: 0.5, inclusive: true, note: `form_post sign-in (request + response) from the HAR entries; ${size}; ${t.runs} runs` };
}
