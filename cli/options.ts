import { parseArgs } from 'node:util';
import type { AnalyzeOptions } from '../utils/analyze';
import { readGroupList } from '../utils/groups/read-group-list';
import { readKeySource } from '../utils/oidc/key-source';
import { isProfileId, PROFILES, type AttributeMapping } from '../utils/profiles';

// Every option of every command is one row of OPTIONS: parsing, validation and `--help` all come from it, so a
// new flag is one row (its `apply` turns the value into analysis or report settings).

export type Command = 'analyze' | 'redact';
export type ReportFormat = 'text' | 'json' | 'markdown' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'markdown', 'html'];

export interface Settings {
  analyze: AnalyzeOptions;
  format: ReportFormat;
  /** Captured values (NameID, attribute values, e-mails) replaced in Markdown and HTML reports. */
  redact: boolean;
  /** Each file on its own, one summary line each (a folder always is). */
  batch: boolean;
  color?: boolean;
  output?: string;
  debug: boolean;
  help: boolean;
}

export interface OptionContext {
  /** A file named by an option, as text (relative to the caller's directory). */
  readText(path: string): string;
  /** The same file as bytes (a DER certificate); absent where only text can be read. */
  readBytes?(path: string): Uint8Array;
}

/** A certificate file as text: PEM or base64 as they are, DER (binary, starts with a SEQUENCE) as base64. */
function certificateText(path: string, context: OptionContext): string {
  const bytes = context.readBytes?.(path);
  if (bytes && bytes[0] === 0x30) return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
  return context.readText(path);
}

/** Adds one piece of trust material, with the error sentence when its file cannot be read. */
function addTrust(s: Settings, option: string, path: string, add: (trust: NonNullable<Settings['analyze']['trust']>) => void): string | void {
  try {
    add((s.analyze.trust ??= {}));
  } catch (e) {
    return `Cannot use --${option} ${path}: ${(e as Error).message}`;
  }
}

export interface OptionSpec {
  name: string;
  short?: string;
  /** Placeholder of the value in help (`FILE`, `ISO`); a flag without one takes no value. */
  value?: string;
  help: string;
  commands: readonly Command[];
  /** Store the value; a returned string is the error sentence shown to the user. */
  apply(settings: Settings, value: string, context: OptionContext): string | void;
}

const profileIds = () => PROFILES.map((p) => p.id).join(', ');

export const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'format',
    short: 'f',
    value: 'FORMAT',
    help: `report format: ${REPORT_FORMATS.join(', ')} (default text)`,
    commands: ['analyze'],
    apply(s, v) {
      if (!(REPORT_FORMATS as readonly string[]).includes(v)) return `--format must be one of ${REPORT_FORMATS.join(', ')}, not "${v}".`;
      s.format = v as ReportFormat;
    },
  },
  { name: 'json', help: 'same as --format json (schema: docs/cli-report.schema.json)', commands: ['analyze'], apply: (s) => void (s.format = 'json') },
  {
    name: 'no-redact',
    help: 'show NameID, attribute values and e-mails in Markdown and HTML reports (redacted by default)',
    commands: ['analyze'],
    apply: (s) => void (s.redact = false),
  },
  {
    name: 'profile',
    value: 'ID',
    help: `judge every flow by this service profile: ${profileIds()} (default: detected per flow)`,
    commands: ['analyze'],
    apply(s, v) {
      if (!isProfileId(v)) return `Unknown profile "${v}": use one of ${profileIds()}.`;
      s.analyze.profile = v;
    },
  },
  { name: 'sp-entity-id', value: 'ID', help: "the service provider's entity ID, to check audiences and issuers against", commands: ['analyze'], apply: (s, v) => void (s.analyze.spEntityId = v) },
  {
    name: 'groups',
    value: 'FILE',
    help: "the organization's group list (api/user_groups/search JSON, or one name per line) for group parity",
    commands: ['analyze'],
    apply(s, v, context) {
      try {
        s.analyze.orgGroups = readGroupList(context.readText(v), v);
      } catch (e) {
        return `Cannot use --groups ${v}: ${(e as Error).message}`;
      }
    },
  },
  {
    name: 'now',
    value: 'ISO',
    help: 'judge time conditions at this instant (default: when each message was captured)',
    commands: ['analyze'],
    apply(s, v) {
      const t = Date.parse(v);
      if (Number.isNaN(t)) return `--now "${v}" is not an ISO 8601 date-time, such as 2025-03-10T12:00:00Z.`;
      s.analyze.now = t;
    },
  },
  {
    name: 'skew',
    value: 'SECONDS',
    help: 'clock skew the time checks tolerate (default 300)',
    commands: ['analyze'],
    apply(s, v) {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n) || n < 0) return `--skew "${v}" is not a number of seconds.`;
      s.analyze.skewSeconds = n;
    },
  },
  {
    name: 'provisioning',
    value: 'MODE',
    help: 'how the enterprise provisions users: jit (default; groups come from the assertion) or scim (SCIM owns memberships)',
    commands: ['analyze'],
    apply(s, v) {
      if (v !== 'jit' && v !== 'scim') return `--provisioning must be jit or scim, not "${v}".`;
      s.analyze.provisioning = v;
    },
  },
  { name: 'okta-express', help: "SSO was set up with Okta's Express Configuration: sign-ins from the Okta dashboard are supported", commands: ['analyze'], apply: (s) => void (s.analyze.oktaExpress = true) },
  {
    name: 'mapping',
    value: 'FIELDS',
    help: 'the attribute names from the SSO setup assistant, e.g. login=uid,name=displayName,email=email,groups=groups',
    commands: ['analyze'],
    apply(s, v) {
      const mapping = parseMapping(v);
      if (typeof mapping === 'string') return mapping;
      s.analyze.mapping = mapping;
    },
  },
  {
    name: 'metadata',
    value: 'FILE',
    help: "the IdP's federation metadata: signatures are checked against its signing certificates, Issuer and SSO URL against its entity",
    commands: ['analyze'],
    apply: (s, v, context) => addTrust(s, 'metadata', v, (trust) => void (trust.metadata = [...(trust.metadata ?? []), context.readText(v)])),
  },
  {
    name: 'idp-cert',
    value: 'FILE',
    help: "the IdP's signing certificate you trust (PEM, DER or base64); may be given more than once",
    commands: ['analyze'],
    apply: (s, v, context) => addTrust(s, 'idp-cert', v, (trust) => void (trust.certificates = [...(trust.certificates ?? []), certificateText(v, context)])),
  },
  {
    name: 'jwks',
    value: 'FILE',
    help: "the OpenID Connect provider's published keys (the JSON at its jwks_uri): ID token signatures are checked against them; may be given more than once",
    commands: ['analyze'],
    apply: (s, v, context) =>
      addTrust(s, 'jwks', v, (trust) => {
        const text = context.readText(v);
        const source = readKeySource(text);
        if (!source.jwks) throw new Error(source.jwksUri ? `that is a discovery document; give the JWKS at its jwks_uri (${source.jwksUri})` : (source.problem ?? 'no keys'));
        trust.jwks = [...(trust.jwks ?? []), text];
      }),
  },
  {
    name: 'decrypt-key',
    value: 'FILE',
    help: "the SP's private key (PEM), to decrypt encrypted assertions; used in memory only",
    commands: ['analyze'],
    apply: (s, v, context) => addTrust(s, 'decrypt-key', v, (trust) => void (trust.decryptionKey = context.readText(v))),
  },
  { name: 'batch', help: 'report each input file on its own, one summary line each, then totals (a folder always is)', commands: ['analyze'], apply: (s) => void (s.batch = true) },
  { name: 'output', short: 'o', value: 'FILE', help: 'write the result to FILE instead of standard output', commands: ['analyze', 'redact'], apply: (s, v) => void (s.output = v) },
  { name: 'no-color', help: 'no colour in the text report (also: NO_COLOR=1)', commands: ['analyze'], apply: (s) => void (s.color = false) },
  { name: 'debug', help: 'on an unexpected error, print the stack trace', commands: ['analyze', 'redact'], apply: (s) => void (s.debug = true) },
  { name: 'help', short: 'h', help: 'show this help', commands: ['analyze', 'redact'], apply: (s) => void (s.help = true) },
];

const MAPPING_FIELDS = ['login', 'name', 'email', 'groups'] as const;

/** `login=uid,email=mail` → the mapping, or the error sentence. */
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

export function defaultSettings(): Settings {
  return { analyze: {}, format: 'text', redact: true, batch: false, debug: false, help: false };
}

/** Parse one command's arguments; a string result is the error sentence. */
export function parseOptions(command: Command, argv: string[], context: OptionContext): { settings: Settings; inputs: string[] } | string {
  const specs = OPTIONS.filter((o) => o.commands.includes(command));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(specs.map((o) => [o.name, { type: o.value ? 'string' : 'boolean', multiple: true, ...(o.short ? { short: o.short } : {}) }] as const)),
    });
  } catch (e) {
    return `${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '.')}`;
  }
  const settings = defaultSettings();
  // Apply in table order so that a later row (e.g. --format) sees what an earlier one set.
  for (const spec of specs) {
    const values = parsed.values[spec.name] as Array<string | boolean> | undefined;
    for (const value of values ?? []) {
      const error = spec.apply(settings, typeof value === 'string' ? value : '', context);
      if (error) return error;
    }
  }
  return { settings, inputs: parsed.positionals };
}

export const COMMAND_SUMMARY: Record<Command, { usage: string; about: string; examples: string[] }> = {
  analyze: {
    usage: 'sso-lens analyze [options] INPUT...',
    about:
      'Diagnose SAML sign-ins. INPUT is a HAR file (Chrome, Firefox, Edge, Safari), a SAML-tracer export, SAML XML,\n' +
      'a base64 message (wrapped, or URL-encoded), a form body (SAMLResponse=…&RelayState=…), a query string, a URL,\n' +
      'a folder (each file on its own), or - for standard input.',
    examples: [
      'sso-lens analyze customer.har',
      'sso-lens analyze --format markdown --profile sonarqube-cloud customer.har > ticket.md',
      'sso-lens analyze --json --groups groups.json customer.har',
      'pbpaste | sso-lens analyze -',
      'sso-lens analyze tickets/4711/',
    ],
  },
  redact: {
    usage: 'sso-lens redact [options] INPUT',
    about: 'Write a redacted HAR of INPUT (NameID, e-mails, attribute values, signatures, cookies replaced), safe to attach to a ticket.',
    examples: ['sso-lens redact customer.har -o customer-redacted.har'],
  },
};

export function commandHelp(command: Command): string {
  const { usage, about, examples } = COMMAND_SUMMARY[command];
  const rows = OPTIONS.filter((o) => o.commands.includes(command)).map((o) => [
    `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.value ? ` ${o.value}` : ''}`,
    o.help,
  ]);
  const width = Math.max(...rows.map((r) => r[0]!.length)) + 2;
  return [
    `usage: ${usage}`,
    '',
    about,
    '',
    'options:',
    ...rows.map(([left, right]) => `  ${left!.padEnd(width)}${right}`),
    '',
    'examples:',
    ...examples.map((e) => `  ${e}`),
    '',
    EXIT_CODES,
    '',
  ].join('\n');
}

export const EXIT_CODES = 'exit codes: 0 no error finding, 1 at least one error finding, 2 could not run (reason on stderr)';

export function mainHelp(version: string): string {
  return [
    `sso-lens ${version}: SAML single sign-on diagnostics for support tickets`,
    '',
    'usage: sso-lens <command> [options] INPUT...',
    '',
    'commands:',
    `  analyze   ${COMMAND_SUMMARY.analyze.about.split('.')[0]}: findings, evidence and the fix for the IdP`,
    `  redact    ${COMMAND_SUMMARY.redact.about.split('(')[0]!.trim()}`,
    '',
    'Run `sso-lens <command> --help` for its options. Examples:',
    ...COMMAND_SUMMARY.analyze.examples.slice(0, 3).map((e) => `  ${e}`),
    ...COMMAND_SUMMARY.redact.examples.map((e) => `  ${e}`),
    '',
    EXIT_CODES,
    '',
  ].join('\n');
}
