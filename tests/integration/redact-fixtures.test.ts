// Every real fixture, redacted the way the panel's export and `npm run redact` do: the redacted HAR must
// analyze to the same rule ids, messages, bindings, IDs and issuers as the original, with and without group
// names replaced, and none of the original's personal values may remain in it, decoded or not.
import { join } from 'node:path';
import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalyzeOptions } from '../../utils/analyze';
import { analyzeSaml as analyze } from '../support/saml-analysis';
import { readCapture } from '../../utils/har/read-capture';
import { readMessageInput } from '../../utils/har/read-message-input';
import type { HarEntry } from '../../utils/har/types';
import { redactHar } from '../../utils/redact/redact-har';
import { isGroupName } from '../../utils/redact/secret-names';
import { fixtureText, FIXTURES, har } from '../support/har-builder';
import { fixturePost } from '../support/protocol-builder';

function fixturePaths(): string[] {
  return readdirSync(FIXTURES)
    .filter((d) => statSync(join(FIXTURES, d)).isDirectory())
    .flatMap((d) => readdirSync(join(FIXTURES, d)).map((f) => `${d}/${f}`))
    .filter((p) => !p.endsWith('.md'))
    .sort();
}

/** Responses are delivered to their Destination as a browser would; requests read as support staff paste them. */
function deliver(path: string): HarEntry[] {
  const raw = readMessageInput(fixtureText(path)).entries;
  return analyze(raw).messages[0]?.kind === 'Response' ? fixturePost(path).entries : raw;
}

function redacted(entries: HarEntry[], replaceGroups: boolean): HarEntry[] {
  const text = JSON.stringify(redactHar(JSON.parse(har(entries)), { replaceGroups }).har);
  return readCapture(text).entries;
}

const shape = (entries: HarEntry[], options: AnalyzeOptions) => {
  const a = analyze(entries, options);
  return {
    rules: a.findings.map((f) => `${f.severity}:${f.rule}`),
    messages: a.messages.map((m) => [m.kind, m.binding, m.id, m.inResponseTo, m.issuer, m.destination, m.assertions.length, m.problem?.stage]),
    flows: a.flows.length,
  };
};

describe('redaction keeps what support diagnoses', () => {
  it.each(fixturePaths())('%s analyzes to the same rule ids once redacted', (path) => {
    const entries = deliver(path);
    const issueInstant = analyze(entries).messages[0]?.issueInstant;
    const options: AnalyzeOptions = issueInstant ? { now: issueInstant } : {};
    const before = shape(entries, options);
    for (const replaceGroups of [false, true]) expect(shape(redacted(entries, replaceGroups), options), `replaceGroups: ${replaceGroups}`).toEqual(before);

    // None of the NameIDs or non-group attribute values of the original is left, in the file or decoded.
    const out = redacted(entries, false);
    const decoded = analyze(out).messages.map((m) => m.xml ?? '').join('\n') + JSON.stringify(out);
    const original = analyze(entries).messages;
    const secrets = original.flatMap((m) => m.assertions.flatMap((a) => [a.subject.nameId ?? '', ...a.attributes.filter((x) => !isGroupName(x.name)).flatMap((x) => x.values)]));
    // What is kept by design (IDs, issuers, audiences, attribute names, group names) may repeat a value by chance.
    const kept = original.flatMap((m) => [m.id ?? '', m.issuer ?? '', m.destination ?? '', ...m.assertions.flatMap((a) => [a.id ?? '', a.issuer ?? '', a.authn?.contextClassRef ?? '', ...(a.conditions?.audiences ?? []), ...a.attributes.map((x) => x.name), ...a.attributes.filter((x) => isGroupName(x.name)).flatMap((x) => x.values)])]);
    for (const s of secrets.map((v) => v.trim()).filter((v) => v.length >= 6 && !/^(true|false)$/i.test(v) && !kept.some((k) => k.includes(v)))) {
      expect(decoded, `${path}: ${s}`).not.toContain(s);
    }
  });
});
