import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '@/utils/analyze';
import type { HarEntry } from '@/utils/har/types';
import { itLogsNoConsoleProblem } from './console-check';
import { browserName, launch, until, type ExtensionBrowser, type TestPage } from './harness/harness';
import { startOidcLab, type OidcLab, type OidcVariant } from './oidc-lab';
import { PANEL, panelFindings } from './panel-page';
import { HAR_DIR } from './sign-in';

interface Api {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>>; update(id: number, props: object): Promise<unknown> };
  storage: {
    session: {
      get(k: null): Promise<Record<string, { worst?: string; protocol?: string; judgedAs?: { label: string }; rules?: Array<{ id: string }>; topFinding?: { rule: string; message: string } }>>;
    };
  };
}

/** The provider's own pages: its login form the first time, then (the client is native) a consent page. */
async function passProviderPages(lab: OidcLab, tab: TestPage, variant: OidcVariant) {
  for (let step = 0; variant !== 'prompt-none' && step < 3; step++) {
    const url = await until(() => tab.url(), (u) => u.startsWith(`${lab.issuer}/interaction/`) || u.startsWith(lab.rp.callbackUrl) || u.startsWith(lab.rp.spaCallbackUrl), "the provider's pages");
    if (!url.startsWith(`${lab.issuer}/interaction/`)) break;
    await tab.waitFor('button.login-submit');
    if (await tab.count('input[name="login"]')) {
      await tab.fill('input[name="login"]', 'alice');
      await tab.fill('input[name="password"]', 'any');
    }
    await tab.click('button.login-submit');
    await until(() => tab.url(), (u) => u !== url, 'the next page');
  }
}

const LAST_SIGN_IN = { role: 'region', name: 'Last sign-in on this tab' } as const;

/** The popup, opened with `tabId` the active tab, once it shows a verdict. */
async function popupFor(browser: ExtensionBrowser, tabId: number): Promise<string> {
  const popup = await browser.openExtensionPage('popup.html');
  await popup.evaluate((id) => (globalThis as unknown as { browser: Api }).browser.tabs.update(id, { active: true }), tabId);
  await popup.goto(browser.extensionUrl('popup.html'));
  await popup.waitFor({ within: LAST_SIGN_IN, css: '[data-testid="judged-as"]' });
  const text = await popup.text(LAST_SIGN_IN);
  await popup.close();
  return text;
}

// Real OpenID Connect sign-ins against a real provider (oidc-provider) in Chromium and Firefox, captured by the
// recorder with the panel open as a tab on the sign-in tab: one browser for the file, one tab per sign-in.
// prettier-ignore
const EXPECTATIONS: Array<{ variant: OidcVariant; rpStatus: number; rules: string[]; carrier: string; profile?: string; rpSays?: string }> = [
  { variant: 'code-pkce',      rpStatus: 200, rules: [],                           carrier: 'query' },
  { variant: 'form-post',      rpStatus: 200, rules: [],                           carrier: 'form_post' },
  { variant: 'no-pkce',        rpStatus: 200, rules: ['oidc-pkce-missing'],        carrier: 'query' },
  { variant: 'fragment',       rpStatus: 200, rules: ['oidc-token-in-url'],        carrier: 'fragment' },
  // The same clean sign-in without the email scope, judged as Devolutions Cloud (chosen: 127.0.0.1 is no service host).
  { variant: 'no-email',       rpStatus: 200, rules: ['oidc-email-claim-missing'], carrier: 'form_post', profile: 'devolutions-cloud' },
  { variant: 'prompt-none',    rpStatus: 401, rules: ['oidc-idp-error'],           carrier: 'query' },
  // Broken setups a conforming provider does not produce on its own: its form_post answer altered on the way
  // (oidc-lab.ts ALTERED), and the RP refusing it as a real one does.
  { variant: 'state-mismatch',    rpStatus: 400, rules: ['oidc-state-mismatch'],    carrier: 'form_post', rpSays: 'Unknown state' },
  { variant: 'nonce-mismatch',    rpStatus: 401, rules: ['oidc-nonce-mismatch'],    carrier: 'form_post', rpSays: 'Nonce mismatch' },
  { variant: 'audience-mismatch', rpStatus: 401, rules: ['oidc-audience-mismatch'], carrier: 'form_post', rpSays: 'unexpected "aud" claim value' },
  { variant: 'id-token-expired',  rpStatus: 401, rules: ['oidc-id-token-expired'],  carrier: 'form_post', rpSays: '"exp" claim timestamp check failed' },
  // The token call is the browser's own (a single-page app), so the recorder sees the redirect_uri it names.
  // A conforming provider's distributed groups claim, as Entra ID sends past 200 groups: the RP signs in without groups.
  { variant: 'group-overage',     rpStatus: 200, rules: ['oidc-group-overage'],     carrier: 'form_post' },
  // The recorder sees the token endpoint refuse the call (HTTP 400) but not the body that says invalid_grant.
  { variant: 'redirect-uri-mismatch', rpStatus: 401, rules: ['oidc-idp-error', 'oidc-redirect-uri-mismatch'], carrier: 'query', rpSays: 'invalid_grant' },
];

describe('a real OpenID Connect sign-in, recorded and analyzed', () => {
  let lab: OidcLab;
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    lab = await startOidcLab();
    browser = await launch({ grantOptional: true });
  });
  afterAll(async () => {
    await browser?.close();
    await lab?.close();
  });

  const ask = (message: object) =>
    browser.extensionCall((m) => (globalThis as unknown as { browser: Api }).browser.runtime.sendMessage(m), message) as Promise<{ recording?: boolean; entries: Array<{ entry: HarEntry }> }>;

  /** Signs in with the variant in a new tab, the panel opened as a tab on it with the recorder on. */
  async function signIn(variant: OidcVariant, profile?: string): Promise<{ entries: HarEntry[]; panel: TestPage; tab: TestPage; tabId: number }> {
    const tab = await browser.newPage();
    const landing = `${lab.rp.origin}/before-sign-in/${variant}`;
    await tab.goto(landing);
    const tabId = await until(
      () => browser.extensionCall(async (url) => (await (globalThis as unknown as { browser: Api }).browser.tabs.query({})).find((t) => t.url === url)?.id ?? 0, landing),
      (id) => id > 0,
      'the sign-in tab id',
    );
    const panel = await browser.openExtensionPage(`panel.html?tab=${tabId}`);
    // The service, chosen as a user does for an app the panel cannot recognise by host.
    if (profile) await panel.select(PANEL.profile, profile);
    if (!(await ask({ type: 'recorder:get-captures', tabId })).recording) {
      const enable = { role: 'button', name: 'Turn on recording' } as const;
      await panel.click(enable);
      await panel.waitFor(enable, { gone: true });
      await until(async () => (await ask({ type: 'recorder:get-captures', tabId })).recording, (on) => on === true, 'the recorder turned on');
    }
    const answered = lab.results.length;
    await tab.goto(lab.rp.loginUrl(variant));
    await passProviderPages(lab, tab, variant);
    // The answer at the redirect URI, or (a fragment) on the provider's redirect to it.
    // (A single-page app's answer is its own call to the token endpoint.)
    const toCallback = (e: HarEntry) =>
      variant === 'fragment'
        ? e.response.headers.some((h) => h.name.toLowerCase() === 'location' && h.value.startsWith(`${lab.rp.callbackUrl}#`))
        : variant === 'redirect-uri-mismatch'
          ? e.request.url === `${lab.issuer}/token`
          : e.request.url.startsWith(lab.rp.callbackUrl);
    const callback = (list: HarEntry[]) => list.find((e) => toCallback(e) && e.response.status > 0);
    await until(async () => lab.results.length, (n) => n > answered, "the relying party's answer");
    const entries = await until(
      async () => (await ask({ type: 'recorder:get-captures', tabId })).entries.map((e) => e.entry),
      (list) => callback(list) !== undefined,
      `the recorder's capture of the ${variant} sign-in`,
      15_000,
    );
    const dir = join(HAR_DIR, browserName());
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `oidc-${variant}.har`), JSON.stringify({ log: { version: '1.2', creator: { name: 'sso-lens e2e', version: '1' }, entries } }));
    return { entries, panel, tab, tabId };
  }

  it.each(EXPECTATIONS)('$variant → $rules, in the engine and in the panel', async ({ variant, rpStatus, rules, carrier, profile, rpSays }) => {
    const { entries, panel, tab, tabId } = await signIn(variant, profile);
    // The relying party itself accepted (or refused) the sign-in: the provider and the RP are real.
    expect(lab.results.at(-1)?.status, lab.results.at(-1)?.outcome).toBe(rpStatus);
    // A broken sign-in is refused for the reason the rule names.
    if (rpSays) expect(lab.results.at(-1)?.outcome).toContain(rpSays);

    const analysis = analyze(entries, profile ? { profile: profile as 'devolutions-cloud' } : {});
    const flows = analysis.flows.filter((f) => f.protocol === 'oidc' && f.kind === 'sign-in');
    expect(flows, JSON.stringify(analysis.flows)).toHaveLength(1);
    const answer = analysis.messages.find((m) => m.protocol === 'oidc' && (m.kind === 'AuthorizationResponse' || m.kind === 'ErrorResponse'));
    expect(answer && 'carrier' in answer ? answer.carrier : undefined).toBe(carrier);
    const summary = analysis.findings.map((f) => `${f.severity}:${f.rule}`).join(', ');
    expect([...new Set(analysis.findings.map((f) => f.rule))].sort(), summary).toEqual(rules);

    // The panel shows the same flow and the same findings.
    await until(() => panel.count(PANEL.flow), (n) => n === 1, 'flows in the panel');
    const shown = await panelFindings(panel);
    expect([...new Set(shown.map((f) => f.rule))].sort()).toEqual(rules);

    if (variant === 'form-post') {
      // The posted ID token, on the Claims tab: issued by the local provider for this client, as text.
      await panel.click(`${PANEL.messageRow}[data-kind="AuthorizationResponse"]`);
      await panel.click('[data-testid="detail-tab-claims"]');
      await panel.waitFor('[data-testid="claims-table"]');
      expect(await panel.text('[data-testid="claims-table"] tr[data-claim="iss"] td')).toContain(lab.issuer);
      expect(await panel.text('[data-testid="claims-table"] tr[data-claim="email"] td')).toContain('alice@example.test');
      // Its signature, checked with the keys fetched from the provider on the admin's click (host access granted).
      await panel.click('[data-testid="signature-check"] summary');
      await panel.click('[data-testid="fetch-keys"]');
      await panel.waitFor('[data-testid="signature-result"][data-outcome="valid"]');
      expect(await panel.text('[data-testid="signature-result"]')).toContain(`${lab.issuer}/jwks`);
    }
    if (variant === 'redirect-uri-mismatch') {
      const refused = analysis.findings.find((f) => f.rule === 'oidc-idp-error');
      expect(refused!.message).toMatch(/^the token endpoint answered HTTP 400 to the browser's token call: .* was not captured/);
    }
    if (variant === 'no-pkce') {
      // The popup's last sign-in: the protocol, the profile that judged it, and what that profile left unchecked.
      const text = await popupFor(browser, tabId);
      expect(text).toContain('Sign-in has warnings');
      expect(text).toContain('OpenID Connect sign-in, judged as Generic OpenID Connect app');
      expect(text).toContain('oidc-pkce-missing');
    }
    await panel.close();
    await tab.close();
  });

  itLogsNoConsoleProblem(() => [browser]);
});

describe('an OpenID Connect sign-in in the real DevTools panel', () => {
  let lab: OidcLab;
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    lab = await startOidcLab();
    browser = await launch({ devtools: true });
  });
  afterAll(async () => {
    await browser?.close();
    await lab?.close();
  });

  it('captures the form_post sign-in through devtools.network and tells the popup which profile judged it', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${lab.rp.origin}/before-sign-in/devtools`);
    await browser.openDevToolsPanel(tab, 'SAML');
    await tab.goto(lab.rp.loginUrl('form-post'));
    await passProviderPages(lab, tab, 'form-post');
    await until(() => tab.url(), (url) => url.startsWith(lab.rp.callbackUrl), 'the callback');
    expect(lab.results.at(-1)?.status).toBe(200);

    type Stored = Awaited<ReturnType<Api['storage']['session']['get']>>;
    const oidcVerdict = (stored: Stored) => Object.entries(stored).find(([k, v]) => k.startsWith('verdict:') && v.protocol === 'oidc');
    const stored = await until(
      () => browser.extensionCall(() => (globalThis as unknown as { browser: Api }).browser.storage.session.get(null)),
      (s) => oidcVerdict(s) !== undefined,
      "the panel's verdict",
    );
    const [key, verdict] = oidcVerdict(stored)!;
    expect(verdict).toMatchObject({ worst: 'ok', protocol: 'oidc', judgedAs: { label: 'Generic OpenID Connect app' } });
    const text = await popupFor(browser, Number(key.slice('verdict:'.length)));
    expect(text).toContain('Sign-in looks fine');
    expect(text).toContain('judged as Generic OpenID Connect app');
    // The local app is no known service: the claims a service needs were not checked, and the popup says so.
    expect(text).toMatch(/Not checked, .*does not judge claims: oidc-email-claim-missing/);
  });

  // The sign-in starts as soon as the panel is selected: in Firefox its first requests have ended before the panel
  // reads the log (devtools-source.ts says how it gets them).
  it("reads the token endpoint's refusal of a single-page app's token call, which DevTools gives without its body", async () => {
    const tab = await browser.newPage();
    await tab.goto(`${lab.rp.origin}/before-sign-in/devtools-token`);
    await browser.openDevToolsPanel(tab, 'SAML');
    const answered = lab.results.length;
    // Only the provider's body says why: the request itself is right but for its PKCE verifier.
    await tab.goto(lab.rp.loginUrl('spa-verifier-mismatch'));
    await passProviderPages(lab, tab, 'spa-verifier-mismatch');
    await until(async () => lab.results.length, (n) => n > answered, "the single-page app's answer");
    expect(lab.results.at(-1)?.outcome).toContain('invalid_grant');

    type Stored = Awaited<ReturnType<Api['storage']['session']['get']>>;
    const refused = (stored: Stored) => Object.values(stored).find((v) => v.protocol === 'oidc' && v.rules?.some((r) => r.id === 'oidc-idp-error'));
    const stored = await until(
      () => browser.extensionCall(() => (globalThis as unknown as { browser: Api }).browser.storage.session.get(null)),
      (s) => refused(s) !== undefined,
      "the panel's verdict on the refused token call",
    );
    // The body was asked for and read: the provider's own error, not "its body was not captured".
    expect(refused(stored)!.topFinding).toMatchObject({ rule: 'oidc-idp-error', message: expect.stringContaining('the token endpoint answered "invalid_grant"') });
  });

  itLogsNoConsoleProblem(() => [browser]);
});
