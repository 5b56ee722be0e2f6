import { describe, expect, it } from 'vitest';
import { exportSettings, importSettings } from './settings-file';
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
    expect(importSettings(text)).toEqual({ ok: true, settings: expected, problems: [] });
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
});
