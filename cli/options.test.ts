import { describe, expect, it } from 'vitest';
import { commandHelp, OPTIONS, parseOptions } from './options';

const context = { readText: (p: string) => (p === 'groups.txt' ? 'developers\nadmins\n' : (() => { throw new Error('no such file'); })()) };

describe('options table', () => {
  it('turns every row into a parsed setting', () => {
    const parsed = parseOptions('analyze', ['--format', 'markdown', '--no-redact', '--profile', 'sonarqube-cloud', '--now', '2024-01-01T00:00:00Z', '--skew', '60', '--sp-entity-id', 'urn:sp', '--groups', 'groups.txt', '--batch', '-o', 'out.md', 'a.har', 'b.har'], context);
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(parsed.inputs).toEqual(['a.har', 'b.har']);
    expect(parsed.settings).toMatchObject({ format: 'markdown', redact: false, batch: true, output: 'out.md' });
    expect(parsed.settings.analyze).toMatchObject({ profile: 'sonarqube-cloud', now: Date.parse('2024-01-01T00:00:00Z'), skewSeconds: 60, spEntityId: 'urn:sp' });
    expect(parsed.settings.analyze.orgGroups?.[0]?.groups.map((g) => g.name)).toEqual(['developers', 'admins']);
  });

  it('answers a wrong value with a sentence naming the option', () => {
    expect(parseOptions('analyze', ['--format', 'pdf', 'x'], context)).toBe('--format must be one of text, json, markdown, html, not "pdf".');
    expect(parseOptions('analyze', ['--skew=-1', 'x'], context)).toBe('--skew "-1" is not a number of seconds.');
    expect(parseOptions('analyze', ['--profile', 'nope', 'x'], context)).toMatch(/^Unknown profile "nope": use one of sonarqube-cloud/);
    expect(parseOptions('analyze', ['--groups', 'missing.txt', 'x'], context)).toBe('Cannot use --groups missing.txt: no such file');
    expect(parseOptions('redact', ['--format', 'json', 'x'], context)).toMatch(/Unknown option '--format'/);
  });

  it('documents every option of a command in its help', () => {
    for (const command of ['analyze', 'redact'] as const) {
      const help = commandHelp(command);
      for (const o of OPTIONS.filter((x) => x.commands.includes(command))) expect(help).toContain(`--${o.name}${o.value ? ` ${o.value}` : ''}`);
    }
  });
});
