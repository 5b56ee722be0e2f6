// Builds SAML Responses for cases no public fixture shows (Entra ID's overage claim, object-ID groups, …).
import { analyze, type AnalyzeOptions } from '../../utils/analyze';
import type { Finding } from '../../utils/rules/types';
import { b64, fixtureXml, postEntry } from './har-builder';

/** A SonarQube Cloud ACS: posting here makes the engine pick the sonarqube-cloud profile by itself. */
export const SONAR_ACS = 'https://sonarcloud.io/sessions/saml/acs';

export const ENTRA_ISSUER = 'https://sts.windows.net/25f4519b-eca5-405d-b516-123af862c268/';
export const OKTA_ISSUER = 'http://www.okta.com/exk659aytfMeNI49v0h7';

export interface BuiltAttribute {
  name: string;
  values: string[];
  friendlyName?: string;
}

export interface ResponseSpec {
  issuer?: string;
  nameId?: string;
  attributes?: BuiltAttribute[] | Record<string, string[]>;
  /** An EncryptedAssertion instead of the readable one. */
  encrypted?: boolean;
  statusCode?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The attributes SonarQube Cloud needs, under its default names: a Response with these passes the attribute rules. */
export const SONAR_USER: Record<string, string[]> = {
  login: ['jdoe'],
  name: ['Jane Doe'],
  email: ['jane.doe@example.com'],
};

export function buildResponse(spec: ResponseSpec = {}): string {
  const issuer = spec.issuer ?? 'https://idp.example.com/metadata';
  const attrs: BuiltAttribute[] = Array.isArray(spec.attributes)
    ? spec.attributes
    : Object.entries(spec.attributes ?? SONAR_USER).map(([name, values]) => ({ name, values }));
  const statement = attrs
    .map(
      (a) =>
        `<saml:Attribute Name="${esc(a.name)}"${a.friendlyName ? ` FriendlyName="${esc(a.friendlyName)}"` : ''}>${a.values
          .map((v) => `<saml:AttributeValue>${esc(v)}</saml:AttributeValue>`)
          .join('')}</saml:Attribute>`,
    )
    .join('');
  const assertion = spec.encrypted
    ? '<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"><xenc:CipherData><xenc:CipherValue>AAAA</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></saml:EncryptedAssertion>'
    : `<saml:Assertion ID="_a1" Version="2.0" IssueInstant="2024-01-01T00:00:00Z"><saml:Issuer>${esc(issuer)}</saml:Issuer>` +
      `<saml:Subject><saml:NameID>${esc(spec.nameId ?? 'jdoe')}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData Recipient="${SONAR_ACS}" NotOnOrAfter="2024-01-01T00:05:00Z"/></saml:SubjectConfirmation></saml:Subject>` +
      `<saml:Conditions NotBefore="2023-12-31T23:59:00Z" NotOnOrAfter="2024-01-01T00:05:00Z"><saml:AudienceRestriction><saml:Audience>https://sonarcloud.io</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      (statement ? `<saml:AttributeStatement>${statement}</saml:AttributeStatement>` : '') +
      '</saml:Assertion>';
  return (
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" IssueInstant="2024-01-01T00:00:00Z" Destination="${SONAR_ACS}">` +
    `<saml:Issuer>${esc(issuer)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="${spec.statusCode ?? 'urn:oasis:names:tc:SAML:2.0:status:Success'}"/></samlp:Status>` +
    assertion +
    '</samlp:Response>'
  );
}

/** Findings of one rule for a Response posted to `acs` (SonarQube Cloud's by default), through the whole engine. */
export function findingsOf(rule: string, xml: string, options: AnalyzeOptions = {}, acs = SONAR_ACS): Finding[] {
  const { findings } = analyze([postEntry(acs, 'SAMLResponse', b64(xml), { time: '2024-01-01T00:00:10.000Z' })], options);
  return findings.filter((f) => f.rule === rule);
}

/** Findings of one rule for a real fixture, judged as a SonarQube Cloud sign-in. */
export function fixtureFindings(rule: string, fixture: string, options: AnalyzeOptions = {}): Finding[] {
  return findingsOf(rule, fixtureXml(fixture), { profile: 'sonarqube-cloud', ...options }, 'https://sp.example.com/acs');
}
