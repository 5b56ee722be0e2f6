import { describe, expect, it } from 'vitest';
import { b64, postEntry } from '../../tests/support/har-builder';
import { signInEntries } from '../../tests/support/protocol-builder';
import { buildResponse, SONAR_ACS } from '../../tests/support/response-builder';
import type { Exchange, HarEntry } from '../har/types';
import type { OrgGroups } from '../rules/types';
import { analyzeNow } from './analyze-now';
import { initialPanelState, panelReducer, type PanelAction, type PanelState } from './panel-state';
import { panelVerdict } from './panel-verdict';

const live = (...entries: HarEntry[]): PanelAction => ({ type: 'captured', live: true, exchanges: entries.map((entry): Exchange => ({ entry, source: 'panel' })) });
const run = (...actions: PanelAction[]) => actions.reduce((s, a) => analyzeNow(panelReducer(s, a)), initialPanelState());
const withGroups = (groups: string[]) =>
  postEntry(SONAR_ACS, 'SAMLResponse', b64(buildResponse({ attributes: { login: ['jdoe'], name: ['Jane Doe'], email: ['jane@example.com'], groups } })), {
    time: '2024-01-01T00:00:30.000Z',
    status: 302,
  });
const acme: OrgGroups = { organization: 'acme', groups: [{ name: 'Developers' }, { name: 'Admins' }, { name: 'Members', isDefault: true }] };

describe('panel verdict', () => {
  it('judges the last sign-in the panel shows, with its host and worst finding', () => {
    const failed = signInEntries({ response: { assertion: { audiences: ['https://wrong.example.com'] } } });
    const state = run(live(...failed));
    expect(panelVerdict(state)).toMatchObject({ worst: 'error', flows: 1, host: 'sp.example.com', topFinding: { rule: 'audience-mismatch' } });
    expect(panelVerdict(state)?.groupsMatch).toBeUndefined();
  });

  it('gives no verdict for a file the user opened: it is not about the inspected tab', () => {
    const file: PanelAction = { type: 'file-loaded', name: 'customer.har', format: 'har', exchanges: signInEntries().map((entry): Exchange => ({ entry, source: 'har-file' })) };
    expect(panelVerdict(run(file))).toBeUndefined();
  });

  it('gives no verdict before a Response arrives', () => {
    expect(panelVerdict(run(live(signInEntries()[0]!)))).toBeUndefined();
    expect(panelVerdict(initialPanelState())).toBeUndefined();
  });

  it('says whether every group matched the cached organization lists', () => {
    const orgGroups = (list: OrgGroups[]): PanelAction => ({ type: 'org-groups', orgGroups: list });
    const matched: PanelState = run(orgGroups([acme]), live(withGroups(['Developers', 'Admins'])));
    expect(panelVerdict(matched)).toMatchObject({ host: 'sonarcloud.io', groupsMatch: true });
    const caseOnly = run(orgGroups([acme]), live(withGroups(['developers'])));
    expect(panelVerdict(caseOnly)?.groupsMatch).toBe(false);
    // No cached list: nothing to say about groups.
    expect(panelVerdict(run(live(withGroups(['Developers']))))?.groupsMatch).toBeUndefined();
  });
});
