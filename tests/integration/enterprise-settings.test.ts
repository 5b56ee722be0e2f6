// What the admin set up in SonarQube Cloud (provisioning mode, Okta Express, the setup assistant's attribute
// names) changes the verdict: given on the command line, as support staff would.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMapping } from '../../cli/options';
import { runCli } from '../../cli/run-cli';
import { b64, har, postEntry } from '../support/har-builder';
import { buildResponse, OKTA_ISSUER, SONAR_ACS, SONAR_USER } from '../support/response-builder';

const dir = mkdtempSync(join(tmpdir(), 'sso-lens-settings-'));
const io = { color: false };
let n = 0;
/** One Response POSTed to SonarQube Cloud's ACS during its validity window (IdP-initiated: no request). */
function harOf(xml: string): string {
  const p = join(dir, `r${n++}.har`);
  writeFileSync(p, har([postEntry(SONAR_ACS, 'SAMLResponse', b64(xml), { time: '2024-01-01T00:00:30.000Z', status: 302 })]));
  return p;
}
type JsonFinding = { rule: string; severity: string; message: string; fix: { generic: string; okta?: string } | null };
const json = async (args: string[]) => JSON.parse((await (await runCli(['--json', ...args], io))).stdout) as { findings: JsonFinding[]; flows: Array<{ profile: string }> };
const rules = async (args: string[]) => (await json(args)).findings.map((f) => `${f.severity}:${f.rule}`);

describe('provisioning', async () => {
  const noGroups = harOf(buildResponse());
  const withGroups = harOf(buildResponse({ attributes: { ...SONAR_USER, groups: ['Developers'] } }));

  it('JIT (default): no group claim on SonarQube Cloud is an error: a user in no organization cannot sign in', async () => {
    const f = (await json([noGroups])).findings.find((x) => x.rule === 'groups-missing');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('the sign-in fails');
    expect((await rules([withGroups]))).toContain('info:jit-membership-reset');
  });

  it('SCIM: no finding claims the assertion sets memberships; one info finding says SCIM owns them', async () => {
    for (const file of [noGroups, withGroups]) {
      const ids = (await rules(['--provisioning', 'scim', file]));
      expect(ids.filter((id) => /groups-missing|jit-membership-reset|no-org-match|group-not-in-org/.test(id))).toEqual([]);
      expect(ids.filter((id) => id.endsWith(':scim-owns-memberships'))).toEqual(['info:scim-owns-memberships']);
    }
    expect((await runCli(['--provisioning', 'ldap', noGroups], io))).toMatchObject({ code: 2, stderr: expect.stringContaining('jit or scim') });
  });
});

describe('Okta Express Configuration', async () => {
  const fromDashboard = harOf(buildResponse({ issuer: OKTA_ISSUER, attributes: { ...SONAR_USER, groups: ['Developers'] } }));

  it('without it, a sign-in from the Okta dashboard is an error that says to start at SonarQube Cloud', async () => {
    expect((await rules([fromDashboard]))).toContain('error:idp-initiated');
  });

  it('with it, the same sign-in is info and no advice hides the tile', async () => {
    const f = (await json(['--okta-express', fromDashboard])).findings.find((x) => x.rule === 'idp-initiated');
    expect(f?.severity).toBe('info');
    expect(JSON.stringify(f?.fix)).not.toMatch(/Do not display application icon|hide/i);
  });

  it('an IdP-initiated Response from another IdP stays an error', async () => {
    expect(await rules(['--okta-express', harOf(buildResponse({ attributes: { ...SONAR_USER, groups: ['Developers'] } }))])).toContain('error:idp-initiated');
  });
});

describe('attribute mapping from the SSO setup assistant', async () => {
  const sendsMail = harOf(buildResponse({ attributes: { login: ['jdoe'], name: ['Jane Doe'], mail: ['jane@example.com'], groups: ['Developers'] } }));

  it('without a mapping, an alternative name is accepted', async () => {
    expect((await rules([sendsMail])).filter((id) => id.includes('attribute-missing'))).toEqual([]);
  });

  it('with a mapping, another name is an error naming both, telling the admin to copy the assistant name into the IdP', async () => {
    const f = (await json(['--mapping', 'login=login,name=name,email=email,groups=groups', sendsMail])).findings.find((x) => x.rule === 'email-attribute-missing');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe('The IdP sends "mail"; SonarQube Cloud expects "email" for the email: copy the name from the SSO setup assistant into the IdP.');
    expect(f?.fix?.generic).toContain('rename the attribute "mail" to "email"');
  });

  it('a matching mapping is clean', async () => {
    const ids = (await rules(['--mapping', 'email=mail', sendsMail]));
    expect(ids).not.toContain('error:email-attribute-missing');
  });

  it('parses the flag and refuses unknown fields', async () => {
    expect(parseMapping('login=uid, email=mail')).toEqual({ login: ['uid'], email: ['mail'] });
    expect(parseMapping('mail=email')).toMatch(/unknown field "mail"/);
    expect(parseMapping('email=')).toMatch(/no attribute name/);
  });
});

describe('the profile is always named', async () => {
  it('in the JSON and the text report; generic never shows a bare "ok"', async () => {
    const lab = join(dir, 'lab.har');
    writeFileSync(lab, har([postEntry('http://127.0.0.1:5000/acs', 'SAMLResponse', b64(buildResponse().replace(SONAR_ACS, 'http://127.0.0.1:5000/acs')), { time: '2024-01-01T00:00:30.000Z' })]));
    expect((await json([lab])).flows[0]!.profile).toBe('generic');
    const text = (await runCli([lab], io)).stdout;
    expect(text).toContain('judged as Generic SAML SP');
    expect(text).toMatch(/skipped checks: .*groups-missing/);
    expect(text).not.toMatch(/^\s*no findings\s*$/m);
    expect((await runCli([harOf(buildResponse())], io)).stdout).toContain('judged as SonarQube Cloud (the flow goes to sonarcloud.io)');
  });
});

describe('SonarQube Server', async () => {
  it('a flow to <server>/oauth2/callback/saml is judged as SonarQube Server, with its reason', async () => {
    const acs = 'https://sonar.example.com/oauth2/callback/saml';
    const p = join(dir, 'server.har');
    writeFileSync(p, har([postEntry(acs, 'SAMLResponse', b64(buildResponse().replace(SONAR_ACS, acs)), { time: '2024-01-01T00:00:30.000Z', status: 302 })]));
    const out = (await json([p]));
    expect(out.flows[0]!.profile).toBe('sonarqube-server');
    expect((await runCli([p], io)).stdout).toContain("judged as SonarQube Server (the flow goes to SonarQube Server's SAML endpoint /oauth2/callback/saml)");
    expect(out.findings.map((f) => f.rule)).toContain('groups-missing');
    expect((await json(['--profile', 'sonarqube-server', harOf(buildResponse())])).flows[0]!.profile).toBe('sonarqube-server');
  });
});
