// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { judgeSignIn } from '@/utils/recorder/sign-in-verdict';
import { signInWindow } from '@/utils/recorder/sign-in-window';
import { toVerdict } from '@/utils/settings/verdict';
import { oidcSignIn } from '../../tests/support/oidc-builder';
import { LastSignIn } from './LastSignIn';

const noop = () => {};
const DVLS = 'https://acme.devolutions.app/signin-oidc';

/** The recorder's captures of an OIDC sign-in, judged as the popup's worker judges them, stored and read back. */
async function verdictOf(...spec: Parameters<typeof oidcSignIn>) {
  const window = signInWindow(await oidcSignIn(...spec));
  expect(window, 'the recorder sees the sign-in end at its redirect URI').toBeDefined();
  return toVerdict(JSON.parse(JSON.stringify(judgeSignIn(window!))))!;
}

describe('LastSignIn on an OpenID Connect sign-in', () => {
  afterEach(cleanup);

  it('names the protocol and the service that judged it', async () => {
    const verdict = await verdictOf({ responseType: 'id_token', responseMode: 'form_post', redirectUri: DVLS, claims: { email: undefined } });
    render(<LastSignIn verdict={verdict} tabId={1} onOpenPanel={noop} />);
    expect(screen.getByText('Sign-in has errors')).toBeTruthy();
    expect(screen.getByTestId('judged-as').textContent).toBe('OpenID Connect sign-in, judged as Devolutions Cloud (the flow goes to acme.devolutions.app)');
    expect(screen.getByText('oidc-email-claim-missing')).toBeTruthy();
    expect(screen.queryByTestId('skipped-checks')).toBeNull();
  });

  it('says what a generic app was not checked for, so "fine" is not read as "the claims are right"', async () => {
    const verdict = await verdictOf({ responseType: 'id_token', responseMode: 'form_post', claims: { email: undefined } });
    render(<LastSignIn verdict={verdict} tabId={1} onOpenPanel={noop} />);
    expect(screen.getByText('Sign-in looks fine')).toBeTruthy();
    expect(screen.getByTestId('judged-as').textContent).toMatch(/^OpenID Connect sign-in, judged as Generic OpenID Connect app \(no configured enterprise/);
    expect(screen.getByTestId('skipped-checks').textContent).toBe(
      'Not checked, the Generic OpenID Connect app profile does not judge claims: oidc-email-claim-missing',
    );
  });

  it('judges an OIDC error answered to the redirect URI', async () => {
    const verdict = await verdictOf({ error: { error: 'access_denied', description: 'AADSTS50105: The signed in user is not assigned to a role for the application.' } });
    expect(verdict).toMatchObject({ worst: 'error', protocol: 'oidc', topFinding: { rule: 'oidc-idp-error' } });
  });

  it('reads a verdict stored by an older version (no protocol, no profile) as before', () => {
    const verdict = toVerdict({ worst: 'ok', at: '2025-03-10T11:00:00.000Z', flows: 1, judgedAs: { profile: 1 }, skipped: [{ rule: 'x' }, 'y'] })!;
    expect(verdict).toEqual({ worst: 'ok', at: '2025-03-10T11:00:00.000Z', flows: 1, skipped: [] });
    render(<LastSignIn verdict={verdict} tabId={1} onOpenPanel={noop} />);
    expect(screen.queryByTestId('judged-as')).toBeNull();
  });
});
