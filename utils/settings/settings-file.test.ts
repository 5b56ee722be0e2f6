import { describe, expect, it } from 'vitest';
import { exportSettings, importSettings } from './settings-file';
import type { IdpMetadataRecord } from './idp-metadata';
import type { Settings } from './schema';

const settings: Settings = {
  enterprises: [
    { id: 'a', service: 'sonarqube-cloud', name: 'Acme', region: 'us', key: 'acme', provisioning: 'jit', oktaExpress: false, checklist: { 'groups-exist': { done: true, at: '2025-01-01' } } },
    { id: 'd', service: 'devolutions-cloud', name: 'Vault', url: 'https://acme.devolutions.app', invitations: [{ id: 'i', who: 'Dana', sentAt: '2025-03-01', code: 'k' }] },
  ],
  defaultId: 'd',
  inviteTemplate: 'Go {link}',
  openOnClick: true,
  updatedAt: '2025-03-02T00:00:00.000Z',
};

describe('settings file', () => {
  it('round-trips an export', () => {
    const text = exportSettings(settings, new Date('2025-03-03T00:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({ format: 'sso-lens-settings', version: 2, exportedAt: '2025-03-03T00:00:00.000Z' });
    const { updatedAt: _u, ...expected } = settings;
    expect(importSettings(text)).toEqual({ ok: true, settings: expected, problems: [], idpMetadata: {} });
    expect(JSON.parse(text)).not.toHaveProperty('idpMetadata');
  });

  it('imports a hand-written version 1 list through the migration', () => {
    const result = importSettings('{"enterprises":[{"key":"acme","region":"us"}],"defaultKey":"acme"}');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.settings.enterprises).toMatchObject([{ service: 'sonarqube-cloud', key: 'acme', region: 'us' }]);
      expect(result.settings.defaultId).toBe(result.settings.enterprises[0]?.id);
    }
  });

  it('explains files it cannot use', () => {
    expect(importSettings('{oops')).toMatchObject({ ok: false, message: expect.stringMatching(/not JSON/) });
    expect(importSettings('[1,2]')).toMatchObject({ ok: false, message: expect.stringMatching(/JSON object/) });
    expect(importSettings('{"name":"x"}')).toMatchObject({ ok: false, message: expect.stringMatching(/No "enterprises" list/) });
    expect(importSettings('{"format":"sso-lens-settings","version":9,"settings":{}}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/newer SSO Lens/),
    });
    expect(importSettings('{"enterprises":[{"key":"a b"}]}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Nothing could be imported.*no spaces/),
    });
  });

  it('imports the good entries and reports the bad ones', () => {
    const result = importSettings('{"enterprises":[{"key":"acme"},{"key":"acme/"}]}');
    expect(result).toMatchObject({ ok: true, problems: [expect.stringMatching(/trailing slash/)] });
  });

  describe('with IdP metadata', () => {
    const record = (enterpriseId: string): IdpMetadataRecord => ({
      enterpriseId,
      xml: `<EntityDescriptor entityID="https://idp/${enterpriseId}"/>`,
      entityIds: [`https://idp/${enterpriseId}`],
      ssoLocations: [],
      certificates: [{ subject: 'CN=idp', sha1: 'AA', sha256: 'BB', notAfter: '2030-01-01T00:00:00.000Z' }],
      source: 'url',
      origin: 'https://idp/metadata',
      savedAt: '2026-11-30T00:00:00.000Z',
    });

    it("carries each enterprise's metadata, and not the metadata of an enterprise that is gone", () => {
      const text = exportSettings(settings, new Date(), { a: record('a'), gone: record('gone') });
      expect(Object.keys(JSON.parse(text).idpMetadata)).toEqual(['a']);
      const result = importSettings(text);
      expect(result).toMatchObject({ ok: true, idpMetadata: { a: record('a') } });
    });

    it('drops a damaged or foreign metadata entry and still imports the settings', () => {
      const file = JSON.parse(exportSettings(settings, new Date(), { a: record('a'), d: record('d') }));
      file.idpMetadata.a.xml = 42;
      file.idpMetadata.stranger = record('stranger');
      const result = importSettings(JSON.stringify(file));
      expect(result.ok && Object.keys(result.idpMetadata)).toEqual(['d']);
      expect(result.ok && result.settings.enterprises).toHaveLength(2);
    });

    it('reads no metadata from a hand-written list that is not an export', () => {
      const result = importSettings(JSON.stringify({ enterprises: [{ key: 'acme' }], idpMetadata: { x: record('x') } }));
      expect(result).toMatchObject({ ok: true, idpMetadata: {} });
    });
  });
});
