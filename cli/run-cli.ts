import { parseArgs } from 'node:util';
import { analyze, type AnalyzeOptions } from '../utils/analyze';
import { readGroupList } from '../utils/groups/read-group-list';
import { readMessageInput } from '../utils/har/read-message-input';
import type { HarEntry } from '../utils/har/types';
import { isProfileId, type AttributeMapping } from '../utils/profiles';
import type { OrgGroups } from '../utils/rules/types';
import { COLORS, PLAIN, toJsonReport, toTextReport } from './format-report';

export const USAGE =
  'usage: npm run analyze -- [--json] [--groups FILE] [--profile sonarqube-cloud|sonarqube-server|generic] [--sp-entity-id ID] [--now ISO] [--skew SECONDS] [--provisioning jit|scim] [--okta-express] [--mapping login=NAME,name=NAME,email=NAME,groups=NAME] FILE... (- reads stdin)';

export interface CliIo {
  /** Bytes, so that raw XML is read in the encoding it declares; text is taken as UTF-8. */
  readFile(path: string): string | Uint8Array;
  color: boolean;
}

export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** The whole command, without process globals, so tests run it in-process. */
export function runCli(argv: string[], io: CliIo): CliResult {
  const fail = (reason: string): CliResult => ({ code: 2, stdout: '', stderr: `sso-lens: ${reason}\n` });
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        groups: { type: 'string' },
        profile: { type: 'string' },
        'sp-entity-id': { type: 'string' },
        now: { type: 'string' },
        skew: { type: 'string' },
        provisioning: { type: 'string' },
        'okta-express': { type: 'boolean' },
        mapping: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
  if (!positionals.length) return fail(`no input file given\n${USAGE}`);

  const options: AnalyzeOptions = {};
  if (values.profile !== undefined) {
    if (!isProfileId(values.profile)) return fail(`unknown profile "${values.profile}" (use sonarqube-cloud, sonarqube-server or generic)`);
    options.profile = values.profile;
  }
  if (values.now !== undefined) {
    const t = Date.parse(values.now);
    if (Number.isNaN(t)) return fail(`--now "${values.now}" is not an ISO 8601 date-time`);
    options.now = t;
  }
  if (values.skew !== undefined) {
    const s = Number(values.skew);
    if (!Number.isFinite(s) || s < 0) return fail(`--skew "${values.skew}" is not a number of seconds`);
    options.skewSeconds = s;
  }
  if (values['sp-entity-id'] !== undefined) options.spEntityId = values['sp-entity-id'];
  if (values.provisioning !== undefined) {
    if (values.provisioning !== 'jit' && values.provisioning !== 'scim') return fail(`--provisioning "${values.provisioning}" must be jit or scim`);
    options.provisioning = values.provisioning;
  }
  if (values['okta-express']) options.oktaExpress = true;
  if (values.mapping !== undefined) {
    const mapping = parseMapping(values.mapping);
    if (typeof mapping === 'string') return fail(mapping);
    options.mapping = mapping;
  }
  if (values.groups !== undefined) {
    try {
      const orgGroups: OrgGroups[] = readGroupList(asText(io.readFile(values.groups)), values.groups);
      options.orgGroups = orgGroups;
    } catch (e) {
      return fail(`cannot use --groups ${values.groups}: ${(e as Error).message}`);
    }
  }

  const entries: HarEntry[] = [];
  for (const file of positionals) {
    let text: string | Uint8Array;
    try {
      text = io.readFile(file);
    } catch (e) {
      return fail(`cannot read ${file === '-' ? 'stdin' : file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try {
      entries.push(...readMessageInput(text).entries);
    } catch (e) {
      return fail(`${file === '-' ? 'stdin' : file}: ${(e as Error).message}`);
    }
  }

  const analysis = analyze(entries, options);
  const code = analysis.findings.some((f) => f.severity === 'error') ? 1 : 0;
  const stdout = values.json
    ? `${JSON.stringify(toJsonReport(analysis, positionals), null, 2)}\n`
    : toTextReport(analysis, io.color ? COLORS : PLAIN);
  return { code, stdout, stderr: '' };
}

function asText(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

const MAPPING_FIELDS = ['login', 'name', 'email', 'groups'] as const;

/** `login=NAME,name=NAME,email=NAME,groups=NAME`: the names SonarQube Cloud's SSO setup assistant shows. */
export function parseMapping(text: string): Partial<AttributeMapping> | string {
  const mapping: Partial<AttributeMapping> = {};
  for (const pair of text.split(',')) {
    if (!pair.trim()) continue;
    const eq = pair.indexOf('=');
    const field = pair.slice(0, eq < 0 ? undefined : eq).trim();
    const name = eq < 0 ? '' : pair.slice(eq + 1).trim();
    if (!(MAPPING_FIELDS as readonly string[]).includes(field)) return `--mapping: unknown field "${field}" (use ${MAPPING_FIELDS.join(', ')})`;
    if (!name) return `--mapping: no attribute name after "${field}="`;
    mapping[field as (typeof MAPPING_FIELDS)[number]] = [name];
  }
  return Object.keys(mapping).length ? mapping : '--mapping: give at least one field, e.g. email=email';
}
