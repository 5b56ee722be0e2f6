import type { Analysis } from '../utils/analyze';
import { profileById } from '../utils/profiles';
import { RULES } from '../utils/rules/index';
import { idpOf } from '../utils/rules/support/attribute-lookup';
import { fixFor, type IdpKind } from '../utils/rules/support/fix-for-idp';
import { describeJudgedAt, type JudgedAt } from '../utils/rules/support/judging-time';
import type { Finding, Severity } from '../utils/rules/types';
import type { SamlMessage } from '../utils/saml/types';

export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const ansi = (code: number) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
export const COLORS: Palette = { red: ansi(31), yellow: ansi(33), blue: ansi(34), dim: ansi(2), bold: ansi(1) };
const identity = (s: string) => s;
export const PLAIN: Palette = { red: identity, yellow: identity, blue: identity, dim: identity, bold: identity };

/** The JSON the command line prints with --json (a stable shape that scripts and tests rely on). */
export function toJsonReport(analysis: Analysis, files: string[]) {
  return {
    files,
    messages: analysis.messages.map((m) => ({
      key: m.key,
      kind: m.kind,
      binding: m.binding,
      id: m.id ?? null,
      issuer: m.issuer ?? null,
      destination: m.destination ?? null,
      inResponseTo: m.inResponseTo ?? null,
      url: m.url,
      httpStatus: m.httpStatus ?? null,
      judgedAt: m.judgedAt ?? null,
      findings: analysis.findings.filter((f) => f.messageKey === m.key).map((f) => f.rule),
    })),
    // The JSON keeps the shape scripts rely on: the trace and skipped checks are not in it (yet).
    flows: analysis.flows.map(({ protocol: _protocol, hops: _hops, skipped: _skipped, ...flow }) => flow),
    findings: analysis.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      messageId: f.messageId ?? null,
      messageKey: f.messageKey ?? null,
      flowId: f.flowId ?? null,
      evidence: f.evidence ?? null,
      fix: f.fix ?? null,
      docs: f.docs,
      reference: f.reference,
    })),
  };
}

/** Human output: per flow, each message's key fields and its findings, worst first. */
export function toTextReport(analysis: Analysis, c: Palette): string {
  const lines: string[] = [];
  const byKey = new Map(analysis.messages.map((m) => [m.key, m]));
  if (!analysis.messages.length) return 'No SAML messages found (no SAMLRequest, SAMLResponse or SAMLart field in any request).\n';
  for (const flow of analysis.flows) {
    const label = flow.kind === 'sign-in' ? 'Sign-in' : flow.kind === 'sign-out' ? 'Sign-out' : 'Message';
    const status = flow.acsStatus ? `, ACS answered HTTP ${flow.acsStatus}` : '';
    lines.push(c.bold(`${label} ${flow.id}${flow.startedAt ? ` at ${flow.startedAt}` : ''}${status}`));
    if (flow.profile) {
      const profileLabel = profileById(flow.profile)?.label ?? flow.profile;
      lines.push(`  ${c.dim('judged as')} ${profileLabel}${flow.reason ? c.dim(` (${flow.reason.detail})`) : ''}`);
      if (flow.skipped?.length) lines.push(`  ${c.dim(`skipped checks: ${flow.skipped.map((s) => s.rule).join(', ')}`)}`);
    }
    const generic = flow.profile === 'generic';
    for (const key of flow.messageKeys) {
      const m = byKey.get(key)!;
      lines.push(`  ${c.bold(m.kind)} ${c.dim(`(${m.binding}, ${m.method} ${truncate(m.url, 80)})`)}`);
      for (const [label2, value] of keyFields(m)) lines.push(`    ${c.dim(label2.padEnd(14))}${value}`);
      const findings = analysis.findings.filter((f) => f.messageKey === key);
      const notJudged = NOT_JUDGED[m.kind];
      if (notJudged) lines.push(`    ${c.dim(notJudged)}`);
      else if (!findings.length) {
        // Under the generic profile silence covers the protocol only: never a bare "ok".
        const checks = RULES.filter((r) => r.protocols.includes(m.protocol) && r.appliesTo.includes(m.kind) && !r.judges).length;
        lines.push(`    ${c.dim(generic ? `no problem in ${checks} protocol checks; choose the service to check attributes and groups` : 'no findings')}`);
      }
      const idp = idpOf(m, m.assertions[0]);
      for (const f of findings) lines.push(...formatFinding(f, c, idp));
    }
    lines.push('');
  }
  const counts = countBySeverity(analysis.findings);
  lines.push(`${analysis.messages.length} message(s), ${analysis.flows.length} flow(s): ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info.`);
  return lines.join('\n') + '\n';
}

function keyFields(m: SamlMessage): Array<[string, string]> {
  const out: Array<[string, string | undefined]> = [
    ['ID', m.id],
    ['InResponseTo', m.inResponseTo],
    ['Issuer', m.issuer],
    ['Destination', m.destination],
    ['IssueInstant', m.issueInstant],
    ['Judged at', m.judgedAt && judgedAtText(m.judgedAt)],
    ['ACS URL', m.request?.acsUrl],
    ['Status', m.status?.code && [m.status.code.split(':').pop(), m.status.subCode?.split(':').pop(), m.status.message].filter(Boolean).join(' / ')],
    ['RelayState', m.relayState],
  ];
  const a = m.assertions[0];
  if (a) {
    out.push(['NameID', a.subject.nameId], ['Audiences', a.conditions?.audiences.join(', ')]);
    out.push(['Attributes', a.attributes.map((x) => `${x.friendlyName ?? x.name.split('/').pop()}(${x.values.length})`).join(', ')]);
  }
  if (m.encryptedAssertions) out.push(['Assertions', `${m.encryptedAssertions} encrypted`]);
  return out.filter((x): x is [string, string] => !!x[1]);
}

/** Messages recognised but outside what the rules judge: said, so that silence is not read as "ok". */
const NOT_JUDGED: Partial<Record<SamlMessage['kind'], string>> = {
  Saml11Response: 'SAML 1.1 Response: recognised, not judged (SSO Lens checks SAML 2.0 messages)',
  WsFedResponse: 'WS-Federation sign-in result: recognised, not judged (SSO Lens checks SAML 2.0 messages)',
};

/** The command line may name its own flag; the shared wording (the panel's too) names none. */
function judgedAtText(judged: JudgedAt): string {
  return judged.source === 'option' ? `${judged.instant} (the --now time)` : describeJudgedAt(judged);
}

const SEVERITY_LABEL: Record<Severity, (c: Palette) => string> = {
  error: (c) => c.red('error  '),
  warning: (c) => c.yellow('warning'),
  info: (c) => c.blue('info   '),
};

function formatFinding(f: Finding, c: Palette, idp: IdpKind | undefined): string[] {
  const lines = [`    ${SEVERITY_LABEL[f.severity](c)} ${f.message} ${c.dim(`[${f.rule}]`)}`];
  if (f.fix) lines.push(`            ${c.dim('fix:')} ${fixFor(f.fix, idp)}`);
  return lines;
}

function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
