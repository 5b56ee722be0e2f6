import { describe, expect, it } from 'vitest';
import { b64, deflateB64, postEntry, redirectEntry } from '../../tests/support/har-builder';
import { buildResponse, SONAR_ACS, SONAR_USER } from '../../tests/support/response-builder';
import { analyze } from '../analyze';
import { enterpriseContexts } from './enterprise-contexts';
import { normalizeSettings, type SonarEnterprise } from './schema';

const sonar = (over: Partial<SonarEnterprise> = {}): SonarEnterprise => ({
  id: 'acme',
  service: 'sonarqube-cloud',
  name: 'Acme',
  region: 'eu',
  key: 'acme-key',
  provisioning: 'jit',
  oktaExpress: false,
  checklist: {},
  ...over,
});

const AUTHN = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_req1" Version="2.0" IssueInstant="2024-01-01T00:00:00Z" AssertionConsumerServiceURL="${SONAR_ACS}"/>`;

// A sign-in started at an enterprise's one-click link (redirected to the IdP), the Response posted to the shared ACS.
function signIn(key: string, attributes = SONAR_USER) {
  const toIdp = redirectEntry('https://idp.example/sso', 'SAMLRequest', deflateB64(AUTHN), { time: '2024-01-01T00:00:01.000Z' });
  const start = {
    startedDateTime: '2024-01-01T00:00:00.000Z',
    request: { method: 'GET', url: `https://sonarcloud.io/login/sso?enterprise_key=${key}`, headers: [] },
    response: { status: 302, headers: [{ name: 'Location', value: toIdp.request.url }] },
  };
  const response = buildResponse({ attributes }).replace(`Destination="${SONAR_ACS}"`, `Destination="${SONAR_ACS}" InResponseTo="_req1"`);
  return [start, toIdp, postEntry(SONAR_ACS, 'SAMLResponse', b64(response), { time: '2024-01-01T00:00:05.000Z' })];
}

describe('enterpriseContexts', () => {
  it('gives each stored enterprise what the analysis matches and applies', () => {
    const [ctx, dvls] = enterpriseContexts({
      enterprises: [
        sonar({ provisioning: 'scim', oktaExpress: true, sso: { acsUrl: 'https://sonarcloud.io/acs/x', entityId: 'urn:acme', attributes: { email: 'mail' }, idp: 'okta' } }),
        { id: 'd', service: 'devolutions-cloud', name: 'Dvls', url: 'https://acme.devolutions.app', invitations: [] },
      ],
    });
    expect(ctx).toEqual({
      id: 'acme',
      name: 'Acme',
      profile: 'sonarqube-cloud',
      startUrls: ['https://sonarcloud.io/login/sso?enterprise_key=acme-key'],
      provisioning: 'scim',
      oktaExpress: true,
      sp: { acsUrl: 'https://sonarcloud.io/acs/x', entityId: 'urn:acme' },
      mapping: { email: ['mail'] },
      idp: 'okta',
    });
    expect(dvls).toEqual({ id: 'd', name: 'Dvls', profile: 'devolutions-cloud', urls: ['https://acme.devolutions.app'] });
  });

  it('judges a sign-in started at an enterprise’s one-click link by that enterprise’s settings', () => {
    const enterprises = enterpriseContexts({ enterprises: [sonar({ id: 'a', key: 'a-key', provisioning: 'scim' }), sonar({ id: 'b', key: 'b-key' })] });
    const a = analyze(signIn('a-key'), { enterprises });
    expect(a.flows.find((f) => f.messageKeys.length)?.reason).toMatchObject({ by: 'enterprise', enterpriseId: 'a' });
    expect(a.findings.map((f) => f.rule)).toContain('scim-owns-memberships');
    const b = analyze(signIn('b-key'), { enterprises });
    expect(b.flows.find((f) => f.messageKeys.length)?.reason).toMatchObject({ by: 'enterprise', enterpriseId: 'b' });
    expect(b.findings.map((f) => f.rule)).not.toContain('scim-owns-memberships');
  });

  it('gives a flow on the service’s hosts to the only enterprise set up, and to none of two', () => {
    const post = [postEntry(SONAR_ACS, 'SAMLResponse', b64(buildResponse({ attributes: SONAR_USER })), { time: '2024-01-01T00:00:05.000Z' })];
    const one = analyze(post, { enterprises: enterpriseContexts({ enterprises: [sonar({ provisioning: 'scim' })] }) });
    expect(one.flows[0]?.reason).toMatchObject({ by: 'enterprise', enterpriseId: 'acme', detail: 'the flow goes to sonarcloud.io, and Acme is the only enterprise set up there' });
    const two = analyze(post, { enterprises: enterpriseContexts({ enterprises: [sonar(), sonar({ id: 'b', key: 'b' })] }) });
    expect(two.flows[0]?.reason).toMatchObject({ by: 'service-host' });
  });

  it('uses the setup assistant’s attribute names: another name the IdP sends is an error naming both', () => {
    const enterprises = enterpriseContexts({ enterprises: [sonar({ sso: { attributes: { email: 'email' } } })] });
    const { login, name, mail } = { login: SONAR_USER.login!, name: SONAR_USER.name!, mail: SONAR_USER.email! };
    const findings = analyze(signIn('acme-key', { login, name, mail }), { enterprises }).findings;
    const email = findings.find((f) => f.rule === 'email-attribute-missing');
    expect(email?.severity).toBe('error');
    expect(email?.message).toContain('The IdP sends "mail"; SonarQube Cloud expects "email"');
  });
});

describe('the stored SSO setup', () => {
  it('keeps valid values and drops the rest, never the enterprise', () => {
    const { settings, problems } = normalizeSettings({
      enterprises: [
        {
          ...sonar(),
          sso: { acsUrl: 'javascript:alert(1)', entityId: 'urn:acme sp', attributes: { email: ' mail ', groups: 'a\nb', other: 'x' }, idp: 'ping' },
        },
        { ...sonar({ id: 'b', key: 'b' }), sso: { acsUrl: 'https://sonarcloud.io/x', entityId: 'urn:b', idp: 'entra' } },
      ],
    });
    expect(problems).toEqual([]);
    expect((settings.enterprises[0] as SonarEnterprise).sso).toEqual({ attributes: { email: 'mail' } });
    expect((settings.enterprises[1] as SonarEnterprise).sso).toEqual({ acsUrl: 'https://sonarcloud.io/x', entityId: 'urn:b', idp: 'entra' });
  });
});
