import { describe, expect, it } from 'vitest';
import { b64, deflateB64, fixtureXml, postEntry, redirectEntry, zlibB64 } from '../../tests/support/har-builder';
import { analyzeSaml } from '../../tests/support/saml-analysis';
import { isGroupName } from '../redact/secret-names';
import { readCapture } from './read-capture';
import { exportFileName, exportHar } from './export-har';
import type { Exchange, HarEntry } from './types';

const AUTHN = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_req1" Version="2.0" IssueInstant="2016-07-25T23:15:00Z" AssertionConsumerServiceURL="https://sp.example/acs"><saml:Issuer>https://sp.example</saml:Issuer><saml:Subject><saml:NameID>hint.user@corp.example</saml:NameID></saml:Subject></samlp:AuthnRequest>`;
const FIXTURES = ['okta/gosaml2-okta-response.xml', 'adfs/netsaml2-adfs-plain-groups.xml', 'entra/saml2aws-aad-response.xml', 'auth0/gosaml2-auth0-response.xml', 'onelogin/rubysaml-multiple-attribute-values.xml'];

function withSecrets(entry: HarEntry): HarEntry {
  entry.request.headers.push({ name: 'Cookie', value: 'sid=s3cr3t-cookie' }, { name: 'Authorization', value: 'Bearer s3cr3t-token' }, { name: 'Referer', value: 'https://idp.example/login?login_hint=jane.doe%40corp.example' });
  entry.request.cookies = [{ name: 'sid', value: 's3cr3t-cookie' }];
  entry.response.headers.push({ name: 'Set-Cookie', value: 'session=s3cr3t-session; HttpOnly' });
  entry.response.content = { size: 20, mimeType: 'text/html', text: '<p>Welcome jane.doe@corp.example</p>' };
  return entry;
}

function capture(): Exchange[] {
  const entries: HarEntry[] = [
    redirectEntry('https://idp.example/sso', 'SAMLRequest', deflateB64(AUTHN), { relayState: 'https://sp.example/home?u=jane.doe@corp.example', sigAlg: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', signature: 'U0VDUkVUU0lHTkFUVVJF' }),
    ...FIXTURES.map((f, i) => withSecrets(postEntry(`https://sp${i}.example/acs`, 'SAMLResponse', b64(fixtureXml(f)), { style: (['chrome', 'firefox', 'text'] as const)[i % 3], status: 302 }))),
    // Some senders deflate POST bodies (zlib-wrapped here): the export keeps them deflated.
    postEntry('https://sp.example/acs', 'SAMLResponse', zlibB64(fixtureXml('okta/gosaml2-okta-response.xml'))),
  ];
  return entries.map((entry) => ({ entry, source: 'panel' }));
}

/** The personal values an export must not leak: NameIDs, attribute values, e-mail addresses of the input. */
function personalValues(exchanges: Exchange[], withGroups = false): string[] {
  const { messages } = analyzeSaml(exchanges);
  const values = new Set<string>();
  for (const m of messages) {
    for (const a of m.assertions) {
      if (a.subject.nameId) values.add(a.subject.nameId);
      // Group names are the organization's: kept unless asked (parity needs them).
      for (const attr of a.attributes) if (withGroups || !isGroupName(attr.name)) for (const v of attr.values) values.add(v);
    }
    for (const e of (m.xml ?? '').match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []) values.add(e);
  }
  values.add('hint.user@corp.example');
  values.add('jane.doe@corp.example');
  // A value that is also the Issuer, Destination, Audience or AuthnContext (Entra's tenant ID is in its Issuer,
  // its authnmethodsreferences repeat the context class) is not personal; the export keeps those fields.
  // Kept group names may contain an account name by chance ("gebruiker" in "Zaaksysteemgebruikers").
  const groups = withGroups ? [] : messages.flatMap((m) => m.assertions.flatMap((a) => a.attributes.filter((x) => isGroupName(x.name)).flatMap((x) => x.values)));
  const kept = [...groups, ...messages.flatMap((m) => [m.issuer, m.destination, ...m.assertions.flatMap((a) => [...(a.conditions?.audiences ?? []), a.authn?.contextClassRef])])].filter((v): v is string => !!v);
  for (const v of values) if (kept.some((k) => k.includes(v.trim()))) values.delete(v);
  // Values of a few characters ("1", "en") and booleans appear anywhere by chance; they are checked on the analysis below.
  return [...values].map((v) => v.trim()).filter((v) => v.length >= 4 && !/^(true|false)$/i.test(v));
}

const PLACEHOLDER = /^(nameid-\d+|value-\d+|group-\d+|user\d+@redacted\.invalid|00000000-0000-4000-8000-\d{12})$/;

describe('HAR export', () => {
  it.each([false, true])('redacted (group names replaced too: %s): none of the NameIDs, e-mails or attribute values of real IdP responses remain, decoded or not', (replaceGroups) => {
    const input = capture();
    const secrets = personalValues(input, replaceGroups);
    expect(secrets).toContain('russellhaering'); // Okta NameID
    expect(secrets.length).toBeGreaterThan(20);

    const text = exportHar(input, { redact: true, replaceGroups, version: '0.1.0' });
    const back = analyzeSaml(readCapture(text).entries);
    const decoded = back.messages.map((m) => m.xml ?? '').join('\n');
    for (const secret of secrets) {
      expect(text, secret).not.toContain(secret);
      expect(text, secret).not.toContain(encodeURIComponent(secret));
      expect(decoded, secret).not.toContain(secret);
    }
    for (const s of ['s3cr3t-cookie', 's3cr3t-token', 's3cr3t-session', 'Welcome', 'U0VDUkVUU0lHTkFUVVJF']) expect(text).not.toContain(s);

    for (const m of back.messages) {
      for (const a of m.assertions) {
        if (a.subject.nameId !== undefined) expect(a.subject.nameId.trim()).toMatch(PLACEHOLDER);
        for (const attr of a.attributes) if (replaceGroups || !isGroupName(attr.name)) for (const v of attr.values) if (v.trim()) expect(v.trim(), attr.name).toMatch(PLACEHOLDER);
      }
    }
  });

  it('redacted: the export still analyzes to the same messages in the same bindings', () => {
    const input = capture();
    const before = analyzeSaml(input);
    const after = analyzeSaml(readCapture(exportHar(input, { redact: true })).entries);
    const shape = (a: typeof before) => a.messages.map((m) => [m.kind, m.binding, m.id, m.issuer, m.destination, m.inResponseTo, m.assertions.length, m.assertions[0]?.conditions?.audiences, m.problem?.stage]);
    expect(shape(after)).toEqual(shape(before));
    expect(after.messages.every((m) => !m.problem)).toBe(true);
    expect(after.messages.map((m) => m.assertions.map((a) => a.attributes.map((x) => [x.name, x.values.length])))).toEqual(
      before.messages.map((m) => m.assertions.map((a) => a.attributes.map((x) => [x.name, x.values.length]))),
    );
    // Signatures are still there (placement and algorithms), only their values are gone.
    expect(after.messages.map((m) => m.signature?.signatureMethod ?? m.assertions[0]?.signature?.signatureMethod)).toEqual(
      before.messages.map((m) => m.signature?.signatureMethod ?? m.assertions[0]?.signature?.signatureMethod),
    );
  });

  it('redacted: a value sent twice gets the same placeholder; group names are kept, or replaced with stable placeholders of their shape', () => {
    const guid = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="r" Version="2.0" IssueInstant="2024-01-01T00:00:00Z"><saml:Issuer>idp</saml:Issuer><saml:Assertion ID="a" Version="2.0" IssueInstant="2024-01-01T00:00:00Z"><saml:Issuer>idp</saml:Issuer><saml:AttributeStatement><saml:Attribute Name="groups"><saml:AttributeValue>8f3c7a1e-1111-4a2b-9c3d-abcdefabcdef</saml:AttributeValue><saml:AttributeValue>Developers</saml:AttributeValue><saml:AttributeValue xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></saml:Attribute><saml:Attribute Name="department"><saml:AttributeValue>Finance</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>';
    const input: Exchange[] = [1, 2].map((n) => ({ entry: postEntry(`https://sp.example/acs${n}`, 'SAMLResponse', b64(guid)), source: 'panel' }));
    const kept = analyzeSaml(readCapture(exportHar(input, { redact: true })).entries);
    expect(kept.messages.map((m) => m.assertions[0]!.attributes.map((a) => a.values))).toEqual([
      [['8f3c7a1e-1111-4a2b-9c3d-abcdefabcdef', 'Developers', ''], ['value-1']],
      [['8f3c7a1e-1111-4a2b-9c3d-abcdefabcdef', 'Developers', ''], ['value-1']],
    ]);

    const after = analyzeSaml(readCapture(exportHar(input, { redact: true, replaceGroups: true })).entries);
    const values = after.messages.map((m) => m.assertions[0]!.attributes[0]!.values);
    expect(values[0]).toEqual(values[1]);
    expect(values[0]![0]).toMatch(/^00000000-0000-4000-8000-\d{12}$/);
    expect(values[0]![1]).toMatch(/^group-\d+$/);
    expect(values[0]).toHaveLength(3);
  });

  it('not redacted: the entries are kept as captured, completed to valid HAR 1.2', () => {
    const input = capture();
    const doc = JSON.parse(exportHar(input, { redact: false, version: '0.1.0' }));
    expect(doc.log.version).toBe('1.2');
    expect(doc.log.creator).toEqual({ name: 'SSO Lens', version: '0.1.0' });
    expect(doc.log.entries).toHaveLength(input.length);
    const first = doc.log.entries[1];
    expect(first.request.headers).toContainEqual({ name: 'Cookie', value: 'sid=s3cr3t-cookie' });
    for (const key of ['cookies', 'headers', 'queryString', 'headersSize', 'bodySize', 'httpVersion']) expect(first.request).toHaveProperty(key);
    for (const key of ['content', 'redirectURL', 'statusText', 'cookies']) expect(first.response).toHaveProperty(key);
    expect(first).toHaveProperty('timings');
    expect(analyzeSaml(readCapture(JSON.stringify(doc)).entries).findings).toEqual(analyzeSaml(input).findings);
  });

  it('names the file with the time and whether it is redacted', () => {
    expect(exportFileName(new Date(2025, 2, 10, 9, 5, 7), true)).toBe('sso-lens-20250310-090507-redacted.har');
    expect(exportFileName(new Date(2025, 2, 10, 9, 5, 7), false)).toBe('sso-lens-20250310-090507.har');
  });
});
