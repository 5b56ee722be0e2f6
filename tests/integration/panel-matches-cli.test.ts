// @vitest-environment happy-dom
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli';
import { TRUST_RULES } from '../../utils/rules/index';

const TRUST_RULE_IDS = new Set(TRUST_RULES.map((r) => r.id));
import { PanelApp } from '../../components/panel/PanelApp';
import { FILE_ONLY_SOURCE } from '../../utils/panel/capture-source';
import { b64, deflateB64, har, plainEntry, postEntry, redirectEntry } from '../support/har-builder';

// Read fixtures by path: happy-dom's URL is not one node:fs accepts.
const fixture = (path: string) => readFileSync(join(process.cwd(), 'tests/fixtures/saml', path), 'utf8').trim();

const AUTHN = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_15f66d2d-628b-4d9b-a99e-089d8da862e1" Version="2.0" IssueInstant="2016-07-25T23:15:00Z" AssertionConsumerServiceURL="http://localhost:8080/v1/_saml_callback"><saml:Issuer>"123"</saml:Issuer></samlp:AuthnRequest>`;

/** A support engineer's HAR: an Okta sign-in, ADFS and Entra responses, broken and invalid ones, noise. */
const HAR = har([
  plainEntry('http://localhost:8080/login', { time: '2016-07-25T23:14:59.000Z' }),
  redirectEntry('https://dev.okta.example/app/sso/saml', 'SAMLRequest', deflateB64(AUTHN), { time: '2016-07-25T23:15:00.000Z' }),
  postEntry('http://localhost:8080/v1/_saml_callback', 'SAMLResponse', b64(fixture('okta/gosaml2-okta-response.xml')), { time: '2016-07-25T23:15:20.000Z', status: 302 }),
  postEntry('https://testsuite.zaaksysteem.nl/auth/saml/consumer-post', 'SAMLResponse', b64(fixture('adfs/netsaml2-adfs-plain-groups.xml')), { time: '2018-07-25T08:02:25.000Z', status: 500 }),
  postEntry('https://signin.aws.amazon.com/saml', 'SAMLResponse', b64(fixture('entra/saml2aws-aad-response.xml')), { style: 'firefox' }),
  postEntry('https://sp.example/acs', 'SAMLResponse', fixture('invalid/rubysaml-no_signature.b64'), { style: 'text' }),
  postEntry('https://sp.example/acs', 'SAMLResponse', fixture('invalid/rubysaml-status_code_responer_and_msg.b64')),
  postEntry('https://sp.example/acs', 'SAMLResponse', b64(fixture('invalid/netsaml2-failed-status.xml'))),
  postEntry('https://sp.example/acs', 'SAMLResponse', fixture('hostile/rubysaml-node-text-attack.b64')),
  postEntry('https://sp.example/acs', 'SAMLResponse', b64(fixture('hostile/rubysaml-attack-xxe.xml'))),
  postEntry('https://other.example/form', 'SAMLResponse', 'bm90IHNhbWw='),
]);

afterEach(cleanup);

it('the panel shows the same findings as `npm run analyze --json` for the same HAR', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sso-lens-panel-')), 'support.har');
  writeFileSync(file, HAR);
  const cli = JSON.parse((await runCli(['--json', file], { color: false })).stdout) as {
    messages: Array<{ key: string }>;
    findings: Array<{ rule: string; severity: string; message: string; messageKey: string }>;
  };
  // Message keys hold the exchange's index, and the panel keeps only SAML exchanges: compare by the
  // message's position among the SAML messages instead.
  const cliOrdinal = new Map(cli.messages.map((m, i) => [m.key, i]));
  const expected = cli.findings.map((f) => `#${cliOrdinal.get(f.messageKey)} | ${f.rule} | ${f.severity} | ${f.message}`).sort();
  // At least the unreadable and the unsafe message are findings; every rule added later is compared too.
  expect(new Set(cli.findings.map((f) => f.rule))).toContain('decode-failed');
  expect(new Set(cli.findings.map((f) => f.rule))).toContain('xml-unsafe');

  render(h(PanelApp, { source: FILE_ONLY_SOURCE }));
  fireEvent.change(screen.getByTestId('har-import'), { target: { files: [new File([HAR], 'support.har')] } });
  await waitFor(() => expect(screen.getAllByTestId('message-row')).toHaveLength(10));

  const rows = screen.getAllByTestId('message-row');
  const exchangeIndex = (key: string) => Number(key.split(':')[0]);
  const panelKeys = rows.map((r) => r.dataset.key!).sort((a, b) => exchangeIndex(a) - exchangeIndex(b));
  const shownFindings = async () => {
    const shown: string[] = [];
    for (const row of screen.getAllByTestId('message-row')) {
      fireEvent.click(row);
      // The detail's code loads on demand with the first message.
      fireEvent.click(await screen.findByTestId('detail-tab-findings'));
      for (const f of screen.queryAllByTestId('finding')) {
        shown.push(`#${panelKeys.indexOf(row.dataset.key!)} | ${f.dataset.rule} | ${f.dataset.severity} | ${f.querySelector('.finding-message')!.textContent}`);
      }
    }
    return shown.sort();
  };
  // The signature results arrive a moment later, from the crypto step loaded on demand: the panel shows the
  // rules' verdict first and replaces it when they are ready. Every rule, the signature rules included, must agree.
  expect(expected.some((l) => TRUST_RULE_IDS.has(l.split(' | ')[1]!))).toBe(true);
  await waitFor(() => expect(screen.queryByTestId('checking-signatures')).toBeNull(), { timeout: 10_000 });
  expect(await shownFindings()).toEqual(expected);
});
