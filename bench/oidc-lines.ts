// OpenID Connect's lines: detection with both protocols on over everyday traffic, and one ID token with 200
// groups (Entra ID's JWT maximum) read, paired and judged by every OIDC rule.
import { analyze } from '../utils/analyze';
import { decodeJwt } from 'jose/jwt/decode';
import { detectOidc } from '../utils/oidc/detect';
import { readOidcExchange } from '../utils/oidc/read-message';
import { detectSaml } from '../utils/saml/detect';
import { oidcSignIn } from '../tests/support/oidc-builder';
import { nonSamlEntries } from './inputs';
import type { Line } from './report';
import { ratio, time } from './timing';

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
  const check = analyze(pair);
  const response = check.messages.find((m) => m.kind === 'AuthorizationResponse');
  const token = response?.protocol === 'oidc' ? response.response?.idToken : undefined;
  if ((token?.payload?.groups as unknown[] | undefined)?.length !== 200) throw new Error('the ID token workload did not read 200 groups');
  if (check.findings.length) throw new Error(`the clean ID token workload has findings: ${check.findings.map((f) => f.rule).join(', ')}`);
  const t = time(() => analyze(pair), { warmup: 200, runs: 2000 });
  const size = `${(token!.raw.length / 1024).toFixed(1)} KB token`;
  return { id: 'oidc-id-token-200-groups', label: 'decode + rules, one ID token with 200 groups', value: t.medianMs, unit: 'ms', target: 0.5, inclusive: true, note: `analyze() of a form_post sign-in (request + response HAR entries), both protocols on; ${size}; ${t.runs} runs` };
}

/**
 * OIDC detection and reading per exchange: every exchange of Entra-shaped sign-ins (authorization requests, code,
 * fragment and form_post answers, a browser token call and its JSON, an error) detected and read into messages,
 * ID tokens decoded. Against a baseline in the same process: the least any tool does with the same exchanges
 * (parse the URL and the form body, decode each JWT with jose), measured in alternation so both see one load.
 */
export async function detectPerExchangeLines(): Promise<Line[]> {
  const groups = Array.from({ length: 200 }, (_, i) => `${String(i).padStart(8, '0')}-aaaa-bbbb-cccc-ddddeeeeffff`);
  const signIns = await Promise.all([
    oidcSignIn({ tokenCall: true }),
    oidcSignIn({ responseType: 'id_token', responseMode: 'form_post', claims: { groups } }),
    oidcSignIn({ responseType: 'id_token token' }),
    oidcSignIn({ error: { error: 'access_denied', description: 'AADSTS50105: The signed in user is not assigned to a role for the application.' } }),
  ]);
  const exchanges = signIns.flat().filter((e) => detectOidc(e) !== null);
  const read = () => {
    let messages = 0;
    for (let i = 0; i < exchanges.length; i++) messages += readOidcExchange(exchanges[i]!, i).length;
    return messages;
  };
  const tokens = read();
  if (exchanges.length < 8 || tokens < exchanges.length) throw new Error(`the OIDC workload read ${tokens} messages from ${exchanges.length} exchanges`);
  const baseline = () => {
    let n = 0;
    for (const e of exchanges) {
      const url = new URL(e.request.url);
      const fields = [...url.searchParams, ...new URLSearchParams(url.hash.slice(1)), ...new URLSearchParams(e.request.postData?.text ?? '')];
      const location = e.response.headers.find((h) => h.name.toLowerCase() === 'location')?.value;
      if (location) fields.push(...new URL(location, url).searchParams, ...new URLSearchParams(new URL(location, url).hash.slice(1)));
      const body = e.response.content?.text;
      if (body?.startsWith('{')) fields.push(...Object.entries(JSON.parse(body) as Record<string, string>));
      for (const [name, value] of fields) if (/token$|_hint$/.test(name) && typeof value === 'string' && value.split('.').length === 3) n += Object.keys(decodeJwt(value)).length;
      n += fields.length;
    }
    return n;
  };
  const t = time(read, { warmup: 200, runs: 2000 });
  const perExchange = t.medianMs / exchanges.length;
  const r = ratio(read, baseline, { rounds: 21, runsPerRound: 40 });
  return [
    { id: 'oidc-detect-read-per-exchange', label: 'OIDC detect + read, per exchange (median)', value: perExchange, unit: 'ms', target: 10, note: `${exchanges.length} exchanges of 4 Entra-shaped sign-ins (code + PKCE with token call, form_post with 200 groups, fragment, error); ${t.runs} runs` },
    { id: 'oidc-read-vs-parse-ratio', label: '  OIDC read ÷ URL + form + JWT decode, same process', value: r.ratio, unit: 'x', target: 3, inclusive: true, note: `median of 21 alternating rounds (read ${r.subjectMs.toFixed(3)} ms, baseline ${r.baselineMs.toFixed(3)} ms for all exchanges)` },
  ];
}
