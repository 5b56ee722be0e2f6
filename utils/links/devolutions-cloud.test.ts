import { describe, expect, it } from 'vitest';
import { checkInstanceUrl, invitationExpiry, invitationText, type Invitation } from './devolutions-cloud';

describe('checkInstanceUrl', () => {
  it('accepts a devolutions.app instance and strips trailing slashes', () => {
    expect(checkInstanceUrl(' https://acme.devolutions.app/// ')).toEqual({ ok: true, url: 'https://acme.devolutions.app' });
  });

  it('adds https when the scheme is missing', () => {
    expect(checkInstanceUrl('acme.devolutions.app')).toEqual({ ok: true, url: 'https://acme.devolutions.app' });
  });

  it('rejects http and shows the https address', () => {
    const check = checkInstanceUrl('http://acme.devolutions.app');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/https:\/\/acme\.devolutions\.app/);
  });

  it('rejects other schemes, spaces, credentials and query strings', () => {
    expect(checkInstanceUrl('ftp://acme.devolutions.app').ok).toBe(false);
    expect(checkInstanceUrl('https://acme .devolutions.app').ok).toBe(false);
    expect(checkInstanceUrl('https://me:pw@acme.devolutions.app').ok).toBe(false);
    expect(checkInstanceUrl('https://acme.devolutions.app/?invite=1').ok).toBe(false);
    expect(checkInstanceUrl('').ok).toBe(false);
  });

  it('accepts another https host with a warning', () => {
    const check = checkInstanceUrl('https://vault.example.com/');
    expect(check).toMatchObject({ ok: true, url: 'https://vault.example.com' });
    if (check.ok) expect(check.warning).toMatch(/not a <name>\.devolutions\.app/);
  });
});

describe('invitationExpiry', () => {
  const sent = '2025-03-01T10:00:00.000Z';

  it('counts 7 days from the sending time', () => {
    expect(invitationExpiry(sent, '2025-03-01T10:00:00.000Z')).toMatchObject({
      expiresAt: '2025-03-08T10:00:00.000Z',
      daysLeft: 7,
      expired: false,
      label: '7 days left',
    });
    expect(invitationExpiry(sent, '2025-03-06T09:00:00.000Z')).toMatchObject({ daysLeft: 2, label: '2 days left' });
    expect(invitationExpiry(sent, '2025-03-07T10:00:00.000Z')).toMatchObject({ daysLeft: 1, label: '1 day left' });
  });

  it('says "expires today" on the last day', () => {
    expect(invitationExpiry(sent, '2025-03-08T09:59:00.000Z')).toMatchObject({ daysLeft: 0, expired: false, label: 'expires today' });
  });

  it('flags an expired invitation and says how long ago', () => {
    expect(invitationExpiry(sent, '2025-03-08T10:00:00.000Z')).toMatchObject({ expired: true, label: 'expired today' });
    expect(invitationExpiry(sent, new Date('2025-03-11T11:00:00.000Z'))).toMatchObject({
      expired: true,
      daysLeft: 0,
      label: 'expired 3 days ago',
    });
  });

  it('returns undefined for an unreadable date', () => {
    expect(invitationExpiry('last tuesday', Date.now())).toBeUndefined();
  });
});

describe('invitationText', () => {
  const invitation: Invitation = { id: '1', who: 'Dana', sentAt: '2025-03-01T10:00:00.000Z', code: 'ID 42 / key XYZ' };

  it('is a heads-up: Devolutions Cloud sends the invitation, the user completes a Devolutions Account without a password', () => {
    const text = invitationText('https://acme.devolutions.app', invitation, '2025-03-02T00:00:00.000Z');
    expect(text).toContain('Hi Dana,');
    expect(text).toMatch(/Devolutions Cloud is sending you an e-mail .*https:\/\/acme\.devolutions\.app/);
    expect(text).toContain('accept it by 2025-03-08');
    expect(text).toContain('complete your Devolutions Account setup; no password is needed');
    // The ID and key travel in Devolutions' own e-mail.
    expect(text).not.toContain('XYZ');
  });

  it('gives no date once the invitation has expired', () => {
    expect(invitationText('https://acme.devolutions.app', invitation, '2025-04-01T00:00:00.000Z')).not.toMatch(/accept it by/);
  });
});
