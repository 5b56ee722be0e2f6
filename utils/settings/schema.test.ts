import { describe, expect, it } from 'vitest';
import { defaultEnterprise, enterprisesDefaultFirst, migrateV1ToV2, normalizeSettings, type Settings } from './schema';

describe('migrateV1ToV2', () => {
  it('turns the version 1 key list into SonarQube Cloud enterprises and keeps the default', () => {
    const settings = migrateV1ToV2({
      enterprises: [{ key: ' acme ', region: 'us', name: 'Acme US' }, { key: 'beta' }, { name: 'no key' }],
      defaultKey: 'beta',
    });
    expect(settings.enterprises).toEqual([
      { id: expect.any(String), service: 'sonarqube-cloud', name: 'Acme US', region: 'us', key: 'acme', provisioning: 'jit', oktaExpress: false, checklist: {} },
      { id: expect.any(String), service: 'sonarqube-cloud', name: 'beta', region: 'eu', key: 'beta', provisioning: 'jit', oktaExpress: false, checklist: {} },
    ]);
    expect(settings.defaultId).toBe(settings.enterprises[1]?.id);
    expect(settings).toMatchObject({ inviteTemplate: '', openOnClick: false });
  });

  it('gives an empty list for nothing stored', () => {
    expect(migrateV1ToV2(undefined).enterprises).toEqual([]);
  });
});

describe('normalizeSettings', () => {
  it('keeps valid entries and explains each one dropped', () => {
    const { settings, problems } = normalizeSettings({
      enterprises: [
        { id: 'a', service: 'sonarqube-cloud', name: 'Acme', region: 'eu', key: 'acme', provisioning: 'jit', oktaExpress: false, checklist: { 'users-invited': { done: true }, 'Not An Id!': { done: true }, 'recovery-account@dana@acme.com': { done: true, at: '2025-03-01' } } },
        { id: 'b', service: 'sonarqube-cloud', region: 'eu', key: 'https://sonarcloud.io/login/sso?enterprise_key=x' },
        { id: 'c', service: 'devolutions-cloud', url: 'http://acme.devolutions.app' },
        { id: 'd', service: 'devolutions-cloud', url: 'https://acme.devolutions.app/', invitations: [{ who: 'Dana', sentAt: 'soon', code: 'x' }] },
        { id: 'e', service: 'gitlab' },
      ],
      defaultId: 'b',
    });
    expect(settings.enterprises.map((e) => e.id)).toEqual(['a', 'd']);
    expect(settings.enterprises[0]).toMatchObject({ checklist: { 'users-invited': { done: true } } });
    expect(Object.keys((settings.enterprises[0] as { checklist: object }).checklist)).toEqual(['users-invited', 'recovery-account@dana@acme.com']);
    expect(settings.enterprises[1]).toMatchObject({ url: 'https://acme.devolutions.app', invitations: [], name: 'acme.devolutions.app' });
    expect(settings.defaultId).toBeUndefined();
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/Entry 2.*full URL/);
    expect(problems[1]).toMatch(/Entry 3.*https/);
    expect(problems[3]).toMatch(/unknown service "gitlab"/);
  });

  it('refuses a value that is not an object', () => {
    expect(normalizeSettings('nope').problems).toEqual(['The settings are not an object.']);
  });
});

describe('default enterprise', () => {
  const settings: Settings = {
    enterprises: [
      { id: 'a', service: 'sonarqube-cloud', name: 'A', region: 'eu', key: 'a', provisioning: 'jit', oktaExpress: false, checklist: {} },
      { id: 'b', service: 'sonarqube-cloud', name: 'B', region: 'us', key: 'b', provisioning: 'jit', oktaExpress: false, checklist: {} },
      { id: 'c', service: 'devolutions-cloud', name: 'C', url: 'https://c.devolutions.app', invitations: [] },
    ],
    defaultId: 'b',
    inviteTemplate: '',
    openOnClick: false,
  };

  it('puts the default first and keeps the rest in order', () => {
    expect(enterprisesDefaultFirst(settings).map((e) => e.id)).toEqual(['b', 'a', 'c']);
  });

  it('falls back to the first enterprise when no default is set', () => {
    expect(defaultEnterprise({ ...settings, defaultId: undefined })?.id).toBe('a');
    expect(defaultEnterprise({ ...settings, enterprises: [] })).toBeUndefined();
  });

  it('reads the rollout choices with their defaults, and carries ticks of renamed steps over', () => {
    const { settings } = normalizeSettings({
      enterprises: [
        { id: 'a', service: 'sonarqube-cloud', region: 'eu', key: 'acme', checklist: { 'link-copied': { done: true, at: '2025-01-02' }, 'recovery-account': { done: true } } },
        { id: 'b', service: 'sonarqube-cloud', region: 'us', key: 'beta', provisioning: 'scim', oktaExpress: true, bitbucketCloud: true, admins: ['ana', ' ana ', '', 42, 'bo'] },
        { id: 'c', service: 'sonarqube-cloud', region: 'us', key: 'gamma', provisioning: 'ldap', oktaExpress: 'yes' },
      ],
    });
    expect(settings.enterprises[0]).toMatchObject({ provisioning: 'jit', oktaExpress: false, checklist: { 'one-click-link': { done: true, at: '2025-01-02' } } });
    expect(Object.keys((settings.enterprises[0] as { checklist: object }).checklist)).toEqual(['one-click-link']);
    expect(settings.enterprises[1]).toMatchObject({ provisioning: 'scim', oktaExpress: true, bitbucketCloud: true, admins: ['ana', 'bo'] });
    expect(settings.enterprises[2]).toMatchObject({ provisioning: 'jit', oktaExpress: false });
  });
});
