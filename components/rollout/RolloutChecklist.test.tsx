// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { DevolutionsInstance, SonarEnterprise } from '@/utils/settings/schema';
import type { TabVerdict } from '@/utils/settings/verdict';
import { DevolutionsRollout, SonarRollout } from './rollout-views';

const base: SonarEnterprise = { id: 'e', service: 'sonarqube-cloud', name: 'Acme', region: 'eu', key: 'acme', provisioning: 'jit', oktaExpress: false, checklist: {} };

let latest: SonarEnterprise;
function Sonar({ initial, verdict }: { initial: SonarEnterprise; verdict?: TabVerdict }) {
  const [enterprise, setEnterprise] = useState(initial);
  latest = enterprise;
  return <SonarRollout view="checklist" idPrefix="t" enterprise={enterprise} verdict={verdict} onChange={(change) => setEnterprise(change)} onOpenPanel={() => {}} />;
}

const titles = () => screen.getAllByRole('listitem').filter((li) => li.parentElement?.classList.contains('checklist')).map((li) => li.querySelector('label')?.textContent);

describe('rollout checklist (SonarQube Cloud)', () => {
  afterEach(cleanup);

  it('with JIT, starts with the groups and their permissions; switching to SCIM drops them and adds SCIM after SSO', () => {
    render(<Sonar initial={base} />);
    expect(titles().slice(0, 3)).toEqual([
      'Create the user groups in each organization, with the IdP’s exact names',
      'Give those groups the correct permissions',
      'Set up SSO and capture a clean test sign-in',
    ]);
    expect(screen.getByText(/^0 of 13 steps done\. Next: Create the user groups/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('SCIM provisioning'));
    expect(latest.provisioning).toBe('scim');
    const scim = titles();
    expect(scim).not.toContain('Give those groups the correct permissions');
    expect(scim.slice(0, 2)).toEqual(['Set up SSO and capture a clean test sign-in', 'Set up SCIM provisioning once SSO works']);
  });

  it('shows the Okta dashboard step only with Okta Express, and the Bitbucket Cloud step only with Bitbucket Cloud', () => {
    render(<Sonar initial={base} />);
    expect(screen.queryByText('Users may also start from the Okta dashboard')).toBeNull();
    expect(screen.queryByText('Keep a DevOps platform admin account for Bitbucket Cloud bindings')).toBeNull();
    fireEvent.click(screen.getByLabelText('Okta Express Configuration'));
    expect(screen.getByText('Users may also start from the Okta dashboard')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Bitbucket Cloud workspaces'));
    expect(screen.getByText('Keep a DevOps platform admin account for Bitbucket Cloud bindings')).toBeTruthy();
    expect(latest).toMatchObject({ oktaExpress: true, bitbucketCloud: true });
  });

  it('gives each step where to do it, why, and its doc page', () => {
    render(<Sonar initial={base} />);
    const step = screen.getByText('Copy the one-click access link').closest('li')!;
    expect(within(step).getByText(/^Administration > SSO & Provisioning > Single sign-on: Copy link/)).toBeTruthy();
    expect(within(step).getByRole('link', { name: 'Docs' }).getAttribute('href')).toBe(
      'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning/complete-setup#step-1-configure-one-click-access',
    );
  });

  it('ticks the recovery account per admin: the step is done only when every admin has done it', () => {
    render(<Sonar initial={base} />);
    const recovery = () => screen.getByText('Sign in with SSO and configure your recovery account').closest('li')!;
    expect(within(recovery()).getByText(/add the admins above/)).toBeTruthy();
    expect((within(recovery()).getAllByRole('checkbox')[0] as HTMLInputElement).disabled).toBe(true);
    for (const admin of ['ana@acme.com', 'bo@acme.com']) {
      fireEvent.input(screen.getByLabelText(/Enterprise admin/), { target: { value: admin } });
      fireEvent.click(screen.getByRole('button', { name: 'Add admin' }));
    }
    expect(latest.admins).toEqual(['ana@acme.com', 'bo@acme.com']);
    const ticks = within(within(recovery()).getByRole('list', { name: /recovery account: per admin/ }));
    fireEvent.click(ticks.getByLabelText('ana@acme.com'));
    expect(latest.checklist['recovery-account@ana@acme.com']).toMatchObject({ done: true, at: expect.any(String) });
    expect((within(recovery()).getAllByRole('checkbox')[0] as HTMLInputElement).checked).toBe(false);
    fireEvent.click(ticks.getByLabelText('bo@acme.com'));
    expect((within(recovery()).getAllByRole('checkbox')[0] as HTMLInputElement).checked).toBe(true);
    expect(ticks.getAllByText(/· \d{4}-\d\d-\d\d/, { selector: 'span' })).toHaveLength(2);
  });

  it('ticks from evidence with what SSO Lens saw, and does not let it be unticked', () => {
    const verdict: TabVerdict = { worst: 'ok', at: '2025-03-10T11:00:00.000Z', flows: 1, host: 'sonarcloud.io', groupsMatch: true };
    render(<Sonar initial={{ ...base, inviteCopiedAt: '2025-03-09T10:00:00.000Z' }} verdict={verdict} />);
    const sso = screen.getByText('Set up SSO and capture a clean test sign-in').closest('li')!;
    expect(within(sso).getByText('Seen by SSO Lens: a clean sign-in was captured on 2025-03-10.')).toBeTruthy();
    expect((within(sso).getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('Seen by SSO Lens: invite message copied on 2025-03-09.')).toBeTruthy();
    expect(screen.getByText(/^3 of 13 steps done/)).toBeTruthy();
  });
});

describe('rollout checklist (Devolutions Cloud)', () => {
  afterEach(cleanup);
  const instance: DevolutionsInstance = {
    id: 'd',
    service: 'devolutions-cloud',
    name: 'Vault',
    url: 'https://acme.devolutions.app',
    invitations: [{ id: 'i', who: 'Dana', sentAt: '2025-03-08T12:00:00.000Z', code: 'INV' }],
  };

  it('starts with SSO enabled, follows the wizard, and ticks "sent" from an invitation still open', () => {
    render(<DevolutionsRollout view="checklist" idPrefix="d" instance={instance} now={new Date('2025-03-10T12:00:00.000Z')} onChange={() => {}} />);
    expect(titles()[0]).toBe('Configure and enable SSO');
    expect(screen.getByText('Step 2 – By Emails: same-provider users who are not synced').closest('li')!.textContent).toMatch(/Assignment required set to No/);
    expect(screen.getByText('Seen by SSO Lens: invitation for Dana sent, open until 2025-03-15.')).toBeTruthy();
  });

  it('does not tick "sent" from an expired invitation', () => {
    render(<DevolutionsRollout view="checklist" idPrefix="d" instance={instance} now={new Date('2025-03-20T12:00:00.000Z')} onChange={() => {}} />);
    expect(screen.queryByText(/Seen by SSO Lens/)).toBeNull();
  });
});
