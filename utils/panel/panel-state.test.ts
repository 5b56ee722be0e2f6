import { describe, expect, it } from 'vitest';
import { b64, deflateB64, fixtureXml, plainEntry, postEntry, redirectEntry } from '../../tests/support/har-builder';
import { analyze } from '../analyze';
import type { Exchange, HarEntry } from '../har/types';
import { asFresh } from '../../tests/support/panel-keys';
import { analyzeNow } from './analyze-now';
import { analyzeRequest } from './panel-analysis';
import { analysisRequest, initialPanelState, panelReducer, type PanelAction, type PanelState } from './panel-state';

const AUTHN = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_15f66d2d-628b-4d9b-a99e-089d8da862e1" Version="2.0" IssueInstant="2016-07-25T23:15:00Z" AssertionConsumerServiceURL="http://localhost:8080/v1/_saml_callback"><saml:Issuer>sp</saml:Issuer></samlp:AuthnRequest>`;
const live = (...entries: HarEntry[]): PanelAction => ({ type: 'captured', live: true, exchanges: entries.map((entry): Exchange => ({ entry, source: 'panel' })) });
// The view runs each analysis the reducer asks for; here it runs at once, after every action.
const run = (state: PanelState, ...actions: PanelAction[]) => actions.reduce((s, a) => analyzeNow(panelReducer(s, a)), state);
const request = (n: number) => redirectEntry('https://idp.example/sso', 'SAMLRequest', deflateB64(AUTHN.replace('_15f66d2d', `_req${n}`)), { time: `2016-07-25T23:15:${String(n % 60).padStart(2, '0')}.000Z` });
const oktaResponse = postEntry('http://localhost:8080/v1/_saml_callback', 'SAMLResponse', b64(fixtureXml('okta/gosaml2-okta-response.xml')), { status: 302 });

describe('panel state', () => {
  it('keeps SAML exchanges, counts the rest, and analyzes what it keeps', () => {
    const s = run(initialPanelState(), live(plainEntry('https://app.example/'), request(1), plainEntry('https://app.example/x.js'), oktaResponse));
    expect(s.exchanges).toHaveLength(2);
    expect(s.otherRequests).toBe(2);
    expect(s.analysis.messages.map((m) => m.kind)).toEqual(['AuthnRequest', 'Response']);
    expect(s.rows.map((r) => r.type)).toEqual(['flow', 'message', 'flow', 'message']);
  });

  it('keeps only the last N SAML exchanges and keeps the key of the selection when older ones are dropped', () => {
    let s = run(initialPanelState({ maxExchanges: 3 }), live(request(1), request(2), request(3)), { type: 'open', key: '2:SAMLRequest' });
    expect(s.analysis.messages[2]!.id).toBe('_req3-628b-4d9b-a99e-089d8da862e1');
    s = run(s, live(request(4)));
    expect(s.exchanges).toHaveLength(3);
    expect(s.dropped).toBe(1);
    expect(s.openKey).toBe('2:SAMLRequest');
    expect(s.messagesByKey.get(s.openKey!)!.id).toBe('_req3-628b-4d9b-a99e-089d8da862e1');
    s = run(s, live(request(5), request(6)));
    expect(s.openKey).toBeUndefined();
  });

  it('ignores live exchanges while paused but still takes a loaded file', () => {
    let s = run(initialPanelState(), { type: 'pause', paused: true }, live(request(1), plainEntry('https://a.example/')));
    expect(s.exchanges).toHaveLength(0);
    expect(s.ignoredWhilePaused).toBe(1);
    s = run(s, { type: 'file-loaded', name: 'x.har', format: 'har', exchanges: [{ entry: request(2), source: 'har-file' }, { entry: plainEntry('https://b.example/'), source: 'har-file' }] });
    expect(s.exchanges).toHaveLength(1);
    expect(s.file).toEqual({ name: 'x.har', format: 'har', samlExchanges: 1, otherRequests: 1 });
    expect(s.paused).toBe(true);
  });

  it('clears captures and counts but keeps filters and pause', () => {
    const s = run(initialPanelState(), live(request(1), plainEntry('https://a.example/')), { type: 'filter', filters: { text: 'idp' } }, { type: 'clear' });
    expect(s.exchanges).toHaveLength(0);
    expect(s.otherRequests).toBe(0);
    expect(s.rows).toEqual([]);
    expect(s.filters.text).toBe('idp');
  });

  it('filters by kind and text, and moves the selection over visible messages only', () => {
    let s = run(initialPanelState(), live(request(1), oktaResponse, request(2)));
    s = run(s, { type: 'filter', filters: { kind: 'Response' } });
    expect(s.rows.filter((r) => r.type === 'message')).toHaveLength(1);
    s = run(s, { type: 'filter', filters: { kind: 'all', text: 'RUSSELLHAERING' } });
    expect(s.rows.flatMap((r) => (r.type === 'message' ? [r.message.kind] : []))).toEqual(['Response']);
    s = run(s, { type: 'filter', filters: { text: '' } }, { type: 'move', by: 1 });
    expect(s.selectedKey).toBe('0:SAMLRequest');
    s = run(s, { type: 'move', by: 1 }, { type: 'move', by: 1 }, { type: 'move', by: 1 });
    expect(s.selectedKey).toBe('2:SAMLRequest');
    s = run(s, { type: 'move', by: 'first' });
    expect(s.selectedKey).toBe('0:SAMLRequest');
    s = run(s, { type: 'filter', filters: { kind: 'Response' } });
    expect(s.selectedKey).toBeUndefined();
  });

  it('filters by worst severity', () => {
    const broken = postEntry('https://sp.example/acs', 'SAMLResponse', 'bm90IHNhbWw=');
    let s = run(initialPanelState(), live(request(1), broken));
    s = run(s, { type: 'filter', filters: { severity: 'error' } });
    expect(s.rows.flatMap((r) => (r.type === 'message' ? [r.message.kind] : []))).toEqual(['Unknown']);
    s = run(s, { type: 'filter', filters: { severity: 'clean' } });
    expect(s.rows.flatMap((r) => (r.type === 'message' ? [r.worst] : []))).not.toContain('error');
  });

  it('re-analyzes with the service the user chose, and keeps the choice across a clear', () => {
    const detected = run(initialPanelState(), live(oktaResponse));
    const rulesOf = (st: PanelState) => st.analysis.findings.map((f) => f.rule);
    // Posted to localhost: the generic profile, so no SonarQube Cloud attribute rule runs.
    expect(rulesOf(detected)).not.toContain('name-attribute-missing');
    const chosen = run(detected, { type: 'profile', profile: 'sonarqube-cloud' });
    expect(chosen.profile).toBe('sonarqube-cloud');
    expect(rulesOf(chosen)).toContain('name-attribute-missing');
    expect(run(chosen, { type: 'clear' }).profile).toBe('sonarqube-cloud');
    expect(rulesOf(run(chosen, { type: 'profile', profile: undefined }))).toEqual(rulesOf(detected));
  });

  it('analyzes what it keeps exactly as a fresh analysis would, as exchanges arrive and the oldest are dropped', () => {
    const response = (n: number) =>
      postEntry('https://sonarcloud.io/sessions/saml/acs', 'SAMLResponse', b64(fixtureXml('okta/gosaml2-okta-response.xml').replace('id12433943337943699538801121', `id-response-${n}`)), {
        time: `2016-07-25T23:15:${String(n % 60).padStart(2, '0')}.500Z`,
      });
    const orgGroups = [{ organization: 'acme', groups: [{ name: 'Developers' }] }];
    let s = run(initialPanelState({ maxExchanges: 4 }), { type: 'org-groups', orgGroups });
    for (let n = 1; n <= 7; n++) {
      s = run(s, live(request(n), plainEntry('https://app.example/'), response(n)));
      // The same exchanges as new objects: read from scratch, nothing reused.
      const fresh = analyze(structuredClone(s.exchanges), { orgGroups });
      expect(JSON.stringify(asFresh(s.analysis, s.dropped))).toBe(JSON.stringify(asFresh(fresh, 0)));
      expect([...s.messagesByKey.keys()]).toEqual(s.analysis.messages.map((m) => m.key));
    }
    expect(s.dropped).toBe(10);
    // Keys count from the first exchange kept: those kept keep theirs as older ones are dropped.
    expect(s.analysis.messages.map((m) => m.key)).toEqual(['10:SAMLRequest', '11:SAMLResponse', '12:SAMLRequest', '13:SAMLResponse']);
  });

  it('lists every request it took in, kept or not, numbered as the analysis numbers the kept ones, and forgets them on clear', () => {
    const asset = plainEntry('https://app.example/app.js');
    let s = run(initialPanelState({ maxExchanges: 2 }), live(asset, request(1)), live(request(2), request(3)));
    expect(s.seen.map((r) => [r.url.split('?')[0], r.exchangeIndex])).toEqual([
      ['https://app.example/app.js', undefined],
      ['https://idp.example/sso', 0],
      ['https://idp.example/sso', 1],
      ['https://idp.example/sso', 2],
    ]);
    // The rows point at the messages of the analysis: the kept ones by their keys.
    expect(s.seen.slice(2).map((r) => s.analysis.messages.find((m) => m.exchangeIndex === r.exchangeIndex)?.id)).toEqual([expect.stringMatching(/^_req2/), expect.stringMatching(/^_req3/)]);
    expect(s.seen[0]).not.toHaveProperty('headers');
    s = run(s, { type: 'clear' });
    expect(s.seen).toEqual([]);
  });

  it('keeps the hops of a sign-in window with its SAML exchanges, slimmed, and counts every other request', () => {
    const at = (t: string) => ({ ...plainEntry('https://app.example/after', { method: 'POST', text: 'secret=1' }), startedDateTime: t });
    const s = run(initialPanelState(), live(at('2016-07-25T23:14:00.000Z'), request(1), at('2016-07-25T23:15:05.000Z'), at('2016-07-25T23:20:00.000Z')));
    expect(s.exchanges.map((x) => x.entry.request.url.split('?')[0])).toEqual(['https://idp.example/sso', 'https://app.example/after']);
    expect(s.exchanges[1]!.entry.request.postData).toBeUndefined();
    expect(s.otherRequests).toBe(3);
    // The list still shows messages only: the hop is in the flow's trace.
    expect(s.rows.map((r) => r.type)).toEqual(['flow', 'message']);
  });

  it('asks the view for an analysis, shows only the newest answer, and forgets a selection whose exchange was dropped', () => {
    let s = run(initialPanelState({ maxExchanges: 2 }), live(request(1), request(2)), { type: 'open', key: '1:SAMLRequest' });
    s = panelReducer(s, live(request(3)));
    const first = analysisRequest(s)!;
    expect(first.generation).toBe(s.generation);
    // Until the analysis arrives, the list and the open message are those of the analysis shown.
    expect(s.openKey).toBe('1:SAMLRequest');
    expect(s.messagesByKey.get(s.openKey!)!.id).toMatch(/^_req2/);
    s = panelReducer(s, live(request(4)));
    const second = analysisRequest(s)!;
    const newer = panelReducer(s, { type: 'analyzed', request: second, analysis: analyzeRequest(second) });
    expect(newer.openKey).toBeUndefined(); // _req2 was dropped
    expect(analysisRequest(newer)).toBeUndefined();
    // The older analysis, finishing late, changes nothing.
    expect(panelReducer(newer, { type: 'analyzed', request: first, analysis: analyzeRequest(first) })).toBe(newer);
  });

  it('replaces the quick analysis with the enriched one of the same request, and only that', () => {
    let s = panelReducer(initialPanelState(), live(request(1)));
    const req = analysisRequest(s)!;
    const quick = analyze(req.exchanges, req.options);
    s = panelReducer(s, { type: 'analyzed', request: req, analysis: quick });
    expect(s.analysis).toBe(quick);
    const again = analyze(req.exchanges, req.options);
    expect(panelReducer(s, { type: 'analyzed', request: req, analysis: again })).toBe(s);
    expect(panelReducer(s, { type: 'analyzed', request: req, analysis: again, enriched: true }).analysis).toBe(again);
    // A newer capture arrived: the late enriched answer of the older request is dropped.
    const later = panelReducer(s, live(request(2)));
    const next = analysisRequest(later)!;
    const shown = panelReducer(later, { type: 'analyzed', request: next, analysis: analyze(next.exchanges, next.options) });
    expect(panelReducer(shown, { type: 'analyzed', request: req, analysis: again, enriched: true })).toBe(shown);
  });
});
