// Property tests: whatever arrives in a SAML field, the engine answers with messages and findings, never an
// exception, and quickly. Inputs that ever broke it are kept in tests/fixtures/fuzz-regressions/.
import { readdirSync, readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from '../../utils/analyze';
import { CaptureError } from '../../utils/har/read-capture';
import { readMessageInput } from '../../utils/har/read-message-input';
import type { HarEntry } from '../../utils/har/types';
import { fixtureXml, postEntry, redirectEntry } from '../support/har-builder';

const FIXTURES = ['okta/gosaml2-okta-response.xml', 'entra/saml2aws-aad-response.xml', 'adfs/netsaml2-adfs-plain-groups.xml', 'requests/crewjam-authn-request.xml', 'onelogin/gosaml2-olgn09-response-01.b64'].map(fixtureXml);
// 4 × 2,400 + 400 = 10,000 generated inputs per test run (most are then sent by both bindings).
const RUNS = 2_400;
const RUNS_LARGE = 400;
const PER_INPUT_MS = 100;
// Every rule runs (a known service's profile, organization group lists given) and a rule that throws fails the
// property instead of becoming a polite warning finding.
const OPTIONS: AnalyzeOptions = {
  strict: true,
  profile: 'sonarqube-cloud',
  orgGroups: [{ organization: 'acme', groups: [{ name: 'Members', isDefault: true }, { name: 'Developers' }] }],
};

/**
 * Analyze the entries; returns the time taken. Fails the property if the engine throws. A slow run is repeated
 * (up to 3 times, the fastest counts) so that a GC pause on a busy machine is not taken for a slow input.
 */
function check(entries: HarEntry[]): number {
  let ms = Infinity;
  let result!: ReturnType<typeof analyze>;
  for (let i = 0; i < 3 && ms >= PER_INPUT_MS; i++) {
    const t = performance.now();
    result = analyze(entries, OPTIONS);
    ms = Math.min(ms, performance.now() - t);
  }
  const { messages, findings } = result;
  for (const m of messages) {
    // A field that could not be read always gets a finding that says so.
    if (m.problem) expect(findings.some((f) => f.messageKey === m.key && f.rule === m.problem!.rule)).toBe(true);
  }
  return ms;
}

const asPost = (bytes: Uint8Array) => postEntry('https://sp.example/acs', 'SAMLResponse', Buffer.from(bytes).toString('base64'));
const asRedirect = (bytes: Uint8Array) => redirectEntry('https://idp.example/sso', 'SAMLRequest', deflateRawSync(bytes).toString('base64'));

interface Mutation {
  fixture: number;
  at: number;
  kind: 'truncate' | 'flip' | 'insert' | 'delete' | 'duplicate';
  payload: string;
  bit: number;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  fixture: fc.nat(FIXTURES.length - 1),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('truncate', 'flip', 'insert', 'delete', 'duplicate'),
  payload: fc.string({ maxLength: 40 }),
  bit: fc.nat(7),
});

function mutate({ fixture, at, kind, payload, bit }: Mutation): Uint8Array {
  const bytes = Buffer.from(FIXTURES[fixture]!, 'utf8');
  const i = Math.floor(at * bytes.length);
  switch (kind) {
    case 'truncate':
      return bytes.subarray(0, i);
    case 'flip': {
      const copy = Buffer.from(bytes);
      copy[i] = (copy[i] ?? 0) ^ (1 << bit);
      return copy;
    }
    case 'insert':
      return Buffer.concat([bytes.subarray(0, i), Buffer.from(payload), bytes.subarray(i)]);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + payload.length + 1)]);
    default:
      return Buffer.concat([bytes.subarray(0, i), bytes.subarray(Math.max(0, i - 200), i), bytes.subarray(i)]);
  }
}

describe('engine fuzzing', () => {
  it('random bytes in POST and Redirect fields', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        expect(check([asPost(bytes), asRedirect(bytes)])).toBeLessThan(PER_INPUT_MS);
      }),
      { numRuns: RUNS },
    );
  });

  it('random text in the field itself (not base64 at all)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (s) => {
        expect(check([postEntry('https://sp.example/acs', 'SAMLResponse', s), redirectEntry('https://idp.example/sso', 'SAMLRequest', s)])).toBeLessThan(PER_INPUT_MS);
      }),
      { numRuns: RUNS },
    );
  });

  it('mutations of real messages: truncated, bit-flipped, spliced', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const bytes = mutate(m);
        expect(check([asPost(bytes), asRedirect(bytes)])).toBeLessThan(PER_INPUT_MS);
      }),
      { numRuns: RUNS },
    );
  });

  it('re-encodings: UTF-16 and UTF-8 BOMs, odd namespace prefixes, deep nesting, many attributes', () => {
    const shapes = fc.record({
      fixture: fc.nat(FIXTURES.length - 1),
      encoding: fc.constantFrom('utf16le-bom', 'utf8-bom', 'utf16be-bom', 'utf8'),
      prefix: fc.constantFrom('', 'x:', 'saml2:', 'ns0:', 'a-b.c:'),
      depth: fc.nat(200),
      attributes: fc.nat(1000), // Entra caps group claims at 150; 1,000 is already absurd
    });
    fc.assert(
      fc.property(shapes, ({ fixture, encoding, prefix, depth, attributes }) => {
        let xml = FIXTURES[fixture]!.replace(/<(\/?)(saml2?p?|samlp|saml2p):/g, `<$1${prefix}`);
        const attrs = Array.from({ length: attributes }, (_, i) => `<Attribute Name="a${i}"><AttributeValue>v${i}</AttributeValue></Attribute>`).join('');
        xml = xml.replace(/<\/([\w.-]+:)?Issuer>/, (s) => `${s}${'<n>'.repeat(depth)}${'</n>'.repeat(depth)}<AttributeStatement>${attrs}</AttributeStatement>`);
        let bytes: Buffer;
        if (encoding === 'utf16le-bom') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
        else if (encoding === 'utf16be-bom') bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(xml, 'utf16le').swap16()]);
        else if (encoding === 'utf8-bom') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)]);
        else bytes = Buffer.from(xml);
        expect(check([asPost(bytes)])).toBeLessThan(PER_INPUT_MS);
        expect(check([asRedirect(bytes)])).toBeLessThan(PER_INPUT_MS);
      }),
      { numRuns: RUNS_LARGE },
    );
  }, 120_000);

  it('arbitrary text given to the command-line reader fails only with its own readable error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (s) => {
        try {
          check(readMessageInput(s).entries);
        } catch (e) {
          expect(e).toBeInstanceOf(CaptureError);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('inputs that once failed stay fixed', () => {
    const dir = new URL('../fixtures/fuzz-regressions/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.b64'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const bytes = Buffer.from(readFileSync(new URL(f, dir), 'utf8').trim(), 'base64');
      expect(check([asPost(bytes), asRedirect(bytes)]), f).toBeLessThan(PER_INPUT_MS);
    }
  });
});
