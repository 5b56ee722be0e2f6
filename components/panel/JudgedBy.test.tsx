// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { b64, postEntry } from '@/tests/support/har-builder';
import { buildResponse, SONAR_ACS, SONAR_USER } from '@/tests/support/response-builder';
import type { Exchange } from '@/utils/har/types';
import type { CaptureSink, CaptureSource } from '@/utils/panel/capture-source';
import type { EnterpriseContext } from '@/utils/profiles';
import type { Flow } from '@/utils/flow/types';
import { JudgedBy, profileSkipped } from './JudgedBy';
import { PanelApp } from './PanelApp';

afterEach(cleanup);

function fakeSource() {
  let sink: CaptureSink | undefined;
  const source: CaptureSource = { kind: 'devtools', label: 'test', connect: (s) => ((sink = s), () => (sink = undefined)), clear: async () => {} };
  return { source, add: (exchanges: Exchange[]) => act(() => sink!.add(exchanges, true)) };
}

const response = (acs: string, attributes = SONAR_USER) =>
  ({ entry: postEntry(acs, 'SAMLResponse', b64(buildResponse({ attributes }).replace(`Destination="${SONAR_ACS}"`, `Destination="${acs}"`)), { time: '2024-01-01T00:00:05.000Z' }), source: 'panel' }) as Exchange;

async function openResponse() {
  const row = await screen.findByTestId('message-row');
  fireEvent.click(row);
  return within(await screen.findByRole('region', { name: 'Response detail' }));
}

describe('which service judged a flow, in the panel', () => {
  it('names the generic profile, its skipped checks, and never a bare ok', async () => {
    const { source, add } = fakeSource();
    render(<PanelApp source={source} />);
    await add([response('https://sp.example/acs')]);
    expect((await screen.findByTestId('flow')).textContent).toContain('judged as Generic SAML SP');
    const detail = await openResponse();
    const judged = detail.getByTestId('judged-by');
    expect(judged.textContent).toContain('Judged as Generic SAML SP');
    expect(judged.textContent).toContain('Attributes and groups were not checked: choose the service in the toolbar to check them.');
    expect(judged.textContent).toMatch(/\d+ checks skipped/);
    expect(judged.textContent).toContain('email-attribute-missing: the Generic SAML SP profile does not judge attributes');
    for (const badge of screen.getAllByTestId('severity-badge')) expect(badge.textContent).not.toBe('ok');
  });

  it('judges a flow by the enterprise set up in the options, and follows a change there', async () => {
    const { source, add } = fakeSource();
    let tell: ((e: EnterpriseContext[]) => void) | undefined;
    const watchEnterprises = (callback: (e: EnterpriseContext[]) => void) => {
      tell = callback;
      callback([{ id: 'acme', name: 'Acme', profile: 'sonarqube-cloud', sp: { acsUrl: 'https://sso.acme.example/acs' }, provisioning: 'scim' }]);
      return () => (tell = undefined);
    };
    render(<PanelApp source={source} watchEnterprises={watchEnterprises} />);
    await add([response('https://sso.acme.example/acs', { ...SONAR_USER, groups: ['Developers'] })]);
    await waitFor(() => expect(screen.getByTestId('flow').textContent).toContain('judged as SonarQube Cloud'));
    const detail = await openResponse();
    expect(detail.getByTestId('judged-by').textContent).toContain('Judged as SonarQube Cloud: the flow goes to https://sso.acme.example/acs, set up for Acme.');
    fireEvent.click(detail.getByRole('tab', { name: /Findings/ }));
    const rules = () => screen.queryAllByTestId('finding').map((f) => f.dataset.rule);
    expect(rules()).toContain('scim-owns-memberships');
    // The group values still name groups, but under SCIM they set no membership.
    fireEvent.click(detail.getByRole('tab', { name: 'Attributes' }));
    expect(detail.getByRole('note').textContent).toContain('With SCIM provisioning, group memberships come from SCIM, not from this assertion');
    await act(() => tell!([]));
    await waitFor(() => expect(screen.getByTestId('flow').textContent).toContain('judged as Generic SAML SP'));
  });
});

describe('which service judged an OpenID Connect flow, in the panel', () => {
  it('speaks of an OIDC app and its claims, not of a SAML SP and its attributes', async () => {
    const { oidcSignIn } = await import('@/tests/support/oidc-builder');
    const { source, add } = fakeSource();
    render(<PanelApp source={source} />);
    await add((await oidcSignIn({ responseType: 'id_token', responseMode: 'form_post' })).map((entry) => ({ entry, source: 'panel' }) as Exchange));
    expect((await screen.findByTestId('flow')).textContent).toContain('judged as Generic OpenID Connect app');
    fireEvent.click((await screen.findAllByTestId('message-row')).find((r) => r.dataset.kind === 'AuthorizationResponse')!);
    const judged = within(await screen.findByRole('region', { name: 'AuthorizationResponse detail' })).getByTestId('judged-by');
    expect(judged.textContent).toContain('Judged as Generic OpenID Connect app');
    expect(judged.textContent).toContain('Claims and groups were not checked');
    expect(judged.textContent).toContain('oidc-email-claim-missing: the Generic OpenID Connect app profile does not judge claims');
  });

  it('says what a service profile does not judge without sending the admin to choose another service', () => {
    const flow = { id: 'f', kind: 'sign-in', protocol: 'saml', messageKeys: [], profile: 'devolutions-cloud', skipped: [{ rule: 'groups-missing', reason: 'the Devolutions Cloud profile does not judge groups' }] } as unknown as Flow;
    render(<JudgedBy flow={flow} />);
    const text = screen.getByTestId('judged-by').textContent!;
    expect(text).toContain('Not judged under this profile: groups.');
    expect(text).not.toContain('choose the service');
    expect(text).not.toContain('Attributes');
    expect(profileSkipped(flow)).toBe(false);
  });
});
