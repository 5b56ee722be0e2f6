// The pipeline itself (read → flows → profile → rules), apart from what any one rule says.
import { afterEach, describe, expect, it } from 'vitest';
import { b64, deflateB64, plainEntry, postEntry, redirectEntry } from '../tests/support/har-builder';
import { buildResponse, SONAR_ACS, SONAR_USER } from '../tests/support/response-builder';
import { analyze, judge, readMessages, type AnalyzeOptions } from './analyze';
import { analyzeWithTrust } from './analyze-with-trust';
import { buildFlows } from './flow/build-flows';
import type { HarEntry } from './har/types';
import type { Protocol } from './protocols/types';
import { defineRule } from './rules/define-rule';
import type { RuleContext } from './rules/types';
import { ENRICH_STEPS } from './trust/enrich';

const AUTHN = (acs: string) =>
  `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_req1" Version="2.0" IssueInstant="2024-01-01T00:00:00Z" AssertionConsumerServiceURL="${acs}"><saml:Issuer>https://sp.example</saml:Issuer></samlp:AuthnRequest>`;

const signIn = (acs: string, attributes = SONAR_USER): HarEntry[] => [
  redirectEntry('https://idp.example/sso', 'SAMLRequest', deflateB64(AUTHN(acs)), { time: '2024-01-01T00:00:00.000Z' }),
  postEntry(acs, 'SAMLResponse', b64(buildResponse({ attributes }).replace(`Destination="${SONAR_ACS}"`, `Destination="${acs}" InResponseTo="_req1"`)), {
    time: '2024-01-01T00:00:05.000Z',
  }),
];

/** A rule that records the context it was given for each Response. */
function probe() {
  const seen: RuleContext[] = [];
  const rule = defineRule({
    id: 'probe',
    severity: 'info',
    title: 'Probe',
    description: 'Records the rule context the engine builds.',
    docs: 'https://example.com',
    appliesTo: ['Response'],
    check(ctx) {
      seen.push(ctx);
      return [];
    },
  });
  return { rule, seen };
}

const throwing = defineRule({
  id: 'throws',
  severity: 'error',
  title: 'Throws',
  description: 'A rule with a bug: it throws on every message.',
  docs: 'https://example.com',
  appliesTo: ['AuthnRequest', 'Response'],
  check() {
    throw new Error('boom');
  },
});

describe('analyze', () => {
  it('turns a crashing rule into a warning finding, and rethrows it when strict', () => {
    const entries = signIn(SONAR_ACS);
    const { findings } = analyze(entries, { rules: [throwing] });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['throws', 'warning'],
      ['throws', 'warning'],
    ]);
    expect(findings[0]!.message).toMatch(/could not evaluate this rule.*boom/);
    expect(() => analyze(entries, { rules: [throwing], strict: true })).toThrow('boom');
  });

  it('is readMessages followed by judge', () => {
    const entries = signIn(SONAR_ACS);
    expect(judge(entries, readMessages(entries))).toEqual(analyze(entries));
  });

  it('runs a rule only on the protocols and message kinds it declares', () => {
    const { rule, seen } = probe();
    analyze(signIn(SONAR_ACS), { rules: [rule] });
    expect(seen.map((c) => c.message.kind)).toEqual(['Response']);
    seen.length = 0;
    analyze(signIn(SONAR_ACS), { rules: [{ ...rule, protocols: [] }] });
    expect(seen).toEqual([]);
  });

  it('records on each flow the profile that judged it and why', () => {
    expect(analyze(signIn(SONAR_ACS)).flows[0]).toMatchObject({ profile: 'sonarqube-cloud', reason: { by: 'service-host', detail: 'the flow goes to sonarcloud.io' } });
    expect(analyze(signIn('https://sp.example/acs')).flows[0]).toMatchObject({ profile: 'generic', reason: { by: 'fallback' } });
    expect(analyze(signIn('https://sp.example/acs'), { profile: 'sonarqube-cloud' }).flows[0]).toMatchObject({
      profile: 'sonarqube-cloud',
      reason: { by: 'chosen', detail: 'SonarQube Cloud was chosen' },
    });
  });

  it("judges a flow that goes to a configured enterprise's ACS URL with that enterprise's settings", () => {
    const { rule, seen } = probe();
    const options: AnalyzeOptions = {
      rules: [rule],
      enterprises: [
        {
          id: 'e1',
          name: 'Acme',
          profile: 'sonarqube-cloud',
          sp: { acsUrl: 'https://sso.acme.example/acs/', entityId: 'https://acme.example/sp' },
          mapping: { login: ['uid'] },
          provisioning: 'scim',
          oktaExpress: true,
        },
      ],
    };
    const { flows } = analyze(signIn('https://sso.acme.example/acs'), options);
    expect(flows[0]).toMatchObject({ profile: 'sonarqube-cloud', reason: { by: 'enterprise', enterpriseId: 'e1' } });
    const [ctx] = seen;
    expect(ctx!.enterprise?.id).toBe('e1');
    expect(ctx!.spEntityId).toBe('https://acme.example/sp');
    expect(ctx!.profile).toMatchObject({ provisioning: 'scim', oktaExpress: true, mappingGiven: true, sp: { entityId: 'https://acme.example/sp' } });
    expect(ctx!.profile.attributes.login[0]).toBe('uid');
    // An enterprise beats the service's own hosts, and the profile defaults stay untouched.
    expect(analyze(signIn(SONAR_ACS), { rules: [rule] }).flows[0]!.reason?.by).toBe('service-host');
    expect(seen.at(-1)!.profile).toMatchObject({ provisioning: 'jit', mappingGiven: false });
  });

  it('records the rules a profile skipped, so silence is not read as a pass', () => {
    const generic = analyze(signIn('https://sp.example/acs')).flows[0]!;
    const skipped = new Map(generic.skipped?.map((s) => [s.rule, s.reason]));
    expect(skipped.get('email-attribute-missing')).toBe('the Generic SAML SP profile does not judge attributes');
    expect(skipped.get('groups-missing')).toBe('the Generic SAML SP profile does not judge groups');
    const sonar = analyze(signIn(SONAR_ACS)).flows[0]!;
    expect(sonar.skipped?.map((s) => s.rule).sort()).toEqual(['group-case-mismatch', 'group-not-in-org', 'members-group-targeted', 'no-org-match']);
    expect(sonar.skipped?.[0]?.reason).toBe('no organization group list was given');
  });

  it("tells rules whether trust material was given", () => {
    const { rule, seen } = probe();
    analyze(signIn(SONAR_ACS), { rules: [rule] });
    analyze(signIn(SONAR_ACS), { rules: [rule], trust: { certificates: ['MIIB'] } });
    expect(seen.map((c) => c.trustGiven)).toEqual([false, true]);
  });

  it('attaches the non-protocol hops of a sign-in: between its messages, then the redirects to the landing page', () => {
    const [request, response] = signIn('https://sp.example/acs');
    const entries: HarEntry[] = [
      plainEntry('https://sp.example/before'),
      request!,
      plainEntry('https://idp.example/login'),
      { ...response!, response: { status: 302, headers: [{ name: 'Location', value: '/home' }] } },
      { ...plainEntry('https://sp.example/home'), response: { status: 302, headers: [], redirectURL: '/dashboard' } },
      plainEntry('https://sp.example/dashboard'),
      plainEntry('https://sp.example/later'),
    ];
    const { flows } = analyze(entries);
    expect(flows[0]!.hops?.map((h) => [h.exchangeIndex, h.url, h.status, h.location])).toEqual([
      [2, 'https://idp.example/login', 200, undefined],
      [4, 'https://sp.example/home', 302, '/dashboard'],
      [5, 'https://sp.example/dashboard', 200, undefined],
    ]);
  });
});

describe('buildFlows over several protocols', () => {
  it("lists and numbers every protocol's flows by their first message", () => {
    const messages = readMessages(signIn('https://sp.example/acs'));
    // A second protocol without pairing, whose one message was captured between the SAML request and response.
    const other = { ...messages[0]!, key: '0:other', protocol: 'other', kind: 'Thing' } as unknown as (typeof messages)[number];
    const protocols = [{ id: 'saml', buildFlows: (ms: never[]) => buildFlows(ms) }] as unknown as Protocol[];
    const flows = buildFlows([messages[0]!, other, messages[1]!], [...protocols]);
    expect(flows.map((f) => [f.id, f.protocol, f.messageKeys])).toEqual([
      ['flow-1', 'saml', ['0:SAMLRequest', '1:SAMLResponse']],
      ['flow-2', 'other', ['0:other']],
    ]);
  });
});

describe('analyzeWithTrust', () => {
  afterEach(() => void ENRICH_STEPS.splice(0));

  it('runs the enrich steps it needs, on demand, before the rules', async () => {
    const { rule, seen } = probe();
    const loads: string[] = [];
    ENRICH_STEPS.push(
      {
        id: 'marks',
        wanted: (_messages, trust) => !!trust.certificates?.length,
        load: async () => {
          loads.push('marks');
          return async (messages) => messages.forEach((m) => (m.verification = { signatures: [{ on: 'message', outcome: 'valid', trusted: true }] }));
        },
      },
      { id: 'unwanted', wanted: () => false, load: async () => (loads.push('unwanted'), async () => {}) },
    );
    const analysis = await analyzeWithTrust(signIn(SONAR_ACS), { rules: [rule], trust: { certificates: ['MIIB'] } });
    expect(loads).toEqual(['marks']);
    expect(seen[0]!.message.verification?.signatures?.[0]?.outcome).toBe('valid');
    expect(analysis.messages.every((m) => m.verification)).toBe(true);
  });

  it('records a failing step on the messages, and rethrows it when strict', async () => {
    ENRICH_STEPS.push({ id: 'broken', wanted: () => true, load: () => Promise.reject(new Error('no chunk')) });
    const { messages } = await analyzeWithTrust(signIn(SONAR_ACS));
    expect(messages[0]!.verification?.errors).toEqual(['broken: no chunk']);
    await expect(analyzeWithTrust(signIn(SONAR_ACS), { strict: true })).rejects.toThrow('no chunk');
  });
});
