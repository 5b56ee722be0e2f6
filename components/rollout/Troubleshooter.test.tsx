// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { postEntry } from '@/tests/support/har-builder';
import type { DevolutionsInstance, SonarEnterprise } from '@/utils/settings/schema';
import type { TabVerdict } from '@/utils/settings/verdict';
import { DEVOLUTIONS_CLOUD_CAUSES } from '@/utils/troubleshoot/devolutions-cloud-causes';
import { SONARQUBE_CLOUD_CAUSES } from '@/utils/troubleshoot/sonarqube-cloud-causes';
import type { Cause } from '@/utils/troubleshoot/troubleshooter';
import { DevolutionsRollout, SonarRollout, type SupportCapture } from './rollout-views';

const saved = vi.hoisted(() => ({ files: [] as Array<{ name: string; text: string }> }));
vi.mock('../panel/save-file', () => ({ saveTextFile: (name: string, text: string) => saved.files.push({ name, text }) }));

const enterprise: SonarEnterprise = { id: 'e', service: 'sonarqube-cloud', name: 'Acme', region: 'eu', key: 'acme', provisioning: 'jit', oktaExpress: false, checklist: {} };
const now = new Date('2025-03-10T12:00:00.000Z');

function sonar(props: { enterprise?: SonarEnterprise; verdict?: TabVerdict; capture?: SupportCapture; onOpenPanel?: () => void } = {}) {
  render(
    <SonarRollout
      view="troubleshoot"
      idPrefix="t"
      enterprise={props.enterprise ?? enterprise}
      verdict={props.verdict}
      capture={props.capture}
      onChange={() => {}}
      onOpenPanel={props.onOpenPanel ?? (() => {})}
    />,
  );
}

const heading = () => screen.getByRole('heading', { level: 3 });

/** Answers every question so that it rules its cause out, until the question of `target` (or the end). */
function walkTo<F>(causes: readonly Cause<F>[], target?: string) {
  for (let i = 0; i < 20; i++) {
    const question = causes.flatMap((c) => c.questions.map((q) => ({ c, q }))).find(({ q }) => q.text === heading().textContent);
    if (!question || question.c.id === target) return question;
    fireEvent.click(screen.getByRole('button', { name: question.q.yes === 'ruled-out' ? 'Yes' : 'No' }));
  }
  return undefined;
}

describe('SonarQube Cloud troubleshooter', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    saved.files = [];
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  const asked = SONARQUBE_CLOUD_CAUSES.filter((c) => c.id !== 'scim-needs-sso');
  it.each(asked.map((c) => [c.id, c] as const))('walks to %s and ends with its fix', (id, cause) => {
    sonar();
    const at = walkTo(SONARQUBE_CLOUD_CAUSES, id);
    expect(at?.c.id).toBe(id);
    // The answer that points at the cause.
    fireEvent.click(screen.getByRole('button', { name: cause.questions[0]!.yes === 'found' ? 'Yes' : 'No' }));
    expect(heading().textContent).toBe(`Likely cause: ${cause.title}`);
    expect(screen.getByText(cause.fix)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Docs' }).getAttribute('href')).toBe(cause.docs);
  });

  it('asks about SCIM needing SSO only for an enterprise with SCIM provisioning', () => {
    sonar({ enterprise: { ...enterprise, provisioning: 'scim' } });
    expect(walkTo(SONARQUBE_CLOUD_CAUSES, 'scim-needs-sso')?.c.id).toBe('scim-needs-sso');
    fireEvent.click(screen.getByRole('button', { name: 'No' }));
    expect(heading().textContent).toBe('Likely cause: SCIM provisioning needs SSO set up properly first');
  });

  it('stops at once at the cause a failing captured sign-in shows', () => {
    const verdict: TabVerdict = {
      worst: 'error',
      at: now.toISOString(),
      flows: 1,
      host: 'sonarcloud.io',
      topFinding: { rule: 'acs-forbidden', severity: 'error', message: 'The ACS answered HTTP 403.' },
      rules: [{ id: 'acs-forbidden', severity: 'error' }],
    };
    sonar({ verdict });
    expect(heading().textContent).toBe('Likely cause: 403 after signing in: several sign-on URLs in the IdP');
    expect(screen.getByText('SSO Lens saw: The captured sign-in shows acs-forbidden. The ACS answered HTTP 403.')).toBeTruthy();
  });

  it('ignores a sign-in captured in the other region', () => {
    sonar({ verdict: { worst: 'error', at: now.toISOString(), flows: 1, host: 'sonarqube.us', rules: [{ id: 'acs-forbidden', severity: 'error' }] } });
    expect(heading().textContent).toMatch(/^Did the user start from the one-click link/);
  });

  it('checks the link the user used with the link validator', () => {
    sonar();
    fireEvent.input(screen.getByLabelText('The link or key the user used (optional)'), { target: { value: 'https://sonarcloud.io/login/sso?enterprise_key=acme-corp' } });
    expect(heading().textContent).toBe('Likely cause: The user entered an invalid key, or was sent an invalid login URL');
    expect(screen.getByText(/enterprise_key “acme-corp” is not “acme”/)).toBeTruthy();
  });

  it('goes back, starts over, and moves focus to each new step', () => {
    sonar();
    const first = heading().textContent;
    fireEvent.click(screen.getByRole('button', { name: 'Yes' }));
    expect(document.activeElement).toBe(heading());
    expect(heading().textContent).not.toBe(first);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(heading().textContent).toBe(first);
    fireEvent.click(screen.getByRole('button', { name: 'No' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect(heading().textContent).toBe(first);
  });

  it('ends with what to collect for support, and exports a redacted HAR of the recorded sign-in in one click', async () => {
    const entry = postEntry('https://sonarcloud.io/oauth2/callback/saml', 'SAMLResponse', btoa('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>'));
    entry.request.headers = [{ name: 'Cookie', value: 'session=secret' }];
    sonar({ capture: { recordedSignIn: async () => ({ seq: 1, entries: [entry], flows: 1 }), version: () => '9.9.9' } });
    walkTo(SONARQUBE_CLOUD_CAUSES);
    expect(heading().textContent).toBe('No documented cause explains it: collect this for support');
    fireEvent.click(screen.getByRole('button', { name: 'Export redacted HAR' }));
    expect(await screen.findByText(/Exported 1 requests, redacted/)).toBeTruthy();
    expect(saved.files).toHaveLength(1);
    expect(saved.files[0]!.text).not.toContain('session=secret');
    const har = JSON.parse(saved.files[0]!.text);
    expect(har.log.entries).toHaveLength(1);
    expect(har.log.creator.version).toBe('9.9.9');
    expect(saved.files[0]!.name).toMatch(/redacted/);
  });

  it('says how to capture one when nothing was recorded on the tab', async () => {
    const onOpenPanel = vi.fn();
    sonar({ capture: { recordedSignIn: async () => undefined, version: () => '9.9.9' }, onOpenPanel });
    walkTo(SONARQUBE_CLOUD_CAUSES);
    fireEvent.click(screen.getByRole('button', { name: 'Export redacted HAR' }));
    await waitFor(() => expect(screen.getByText(/Nothing recorded on this tab/)).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Open the SAML panel' }));
    expect(onOpenPanel).toHaveBeenCalled();
    expect(saved.files).toHaveLength(0);
  });
});

describe('Devolutions Cloud troubleshooter', () => {
  afterEach(cleanup);
  const instance: DevolutionsInstance = {
    id: 'd',
    service: 'devolutions-cloud',
    name: 'Vault',
    url: 'https://acme.devolutions.app',
    invitations: [
      { id: 'old', who: 'Lee', sentAt: '2025-03-01T12:00:00.000Z', code: 'INV-2' },
      { id: 'new', who: 'Dana', sentAt: '2025-03-08T12:00:00.000Z', code: 'INV-1' },
    ],
  };
  const devolutions = () => render(<DevolutionsRollout view="troubleshoot" idPrefix="d" instance={instance} now={now} onChange={() => {}} />);

  it.each(DEVOLUTIONS_CLOUD_CAUSES.map((c) => [c.id, c] as const))('walks to %s and ends with its fix', (id, cause) => {
    devolutions();
    walkTo(DEVOLUTIONS_CLOUD_CAUSES, id);
    // Multi-question causes: answer "next" until the question that finds it.
    for (const q of cause.questions) {
      const pick = q.yes === 'found' || q.yes === 'next' ? 'Yes' : 'No';
      fireEvent.click(screen.getByRole('button', { name: pick }));
    }
    expect(heading().textContent).toBe(`Likely cause: ${cause.title}`);
    expect(screen.getByText(cause.fix)).toBeTruthy();
  });

  it('finds an expired recorded invitation without asking about it', () => {
    devolutions();
    fireEvent.change(screen.getByLabelText('Their invitation'), { target: { value: 'old' } });
    expect(heading().textContent).toBe('Likely cause: The invitation expired (7 days after it was sent)');
    expect(screen.getByText(/expired 2 days ago/)).toBeTruthy();
  });

  it('rules out an open invitation and moves on', () => {
    devolutions();
    fireEvent.change(screen.getByLabelText('Their invitation'), { target: { value: 'new' } });
    fireEvent.click(screen.getByRole('button', { name: 'Yes' }));
    expect(heading().textContent).toMatch(/By Emails/);
  });
});
