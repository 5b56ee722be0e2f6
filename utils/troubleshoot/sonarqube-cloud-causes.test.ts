import { describe, expect, it } from 'vitest';
import { SONARQUBE_CLOUD_CAUSES, type SonarFacts } from './sonarqube-cloud-causes';
import { answer, questionKey, walk, type Answers } from './troubleshooter';

const enterprise: SonarFacts['enterprise'] = { region: 'eu', key: 'acme', provisioning: 'jit', oktaExpress: false };
const at = '2025-03-10T11:00:00.000Z';

function signIn(...rules: Array<[string, string]>): SonarFacts['signIn'] {
  return { at, rules: rules.map(([id, severity]) => ({ id, severity })) };
}

/** Answers "the cause is not this one" to every question up to (not including) the cause `stopAt`. */
function ruleOutUntil(facts: SonarFacts, stopAt?: string): Answers {
  let answers: Answers = [];
  for (;;) {
    const step = walk(SONARQUBE_CLOUD_CAUSES, facts, answers);
    if (step.kind !== 'question' || step.cause.id === stopAt) return answers;
    const clear = step.question.yes === 'ruled-out' ? 'yes' : 'no';
    answers = answer(answers, step.key, clear);
  }
}

describe('SonarQube Cloud: sign-in doesn’t work', () => {
  it('asks in the troubleshooting page’s order when nothing was captured', () => {
    const asked: string[] = [];
    let answers: Answers = [];
    for (let step = walk(SONARQUBE_CLOUD_CAUSES, { enterprise }, answers); step.kind === 'question'; step = walk(SONARQUBE_CLOUD_CAUSES, { enterprise }, answers)) {
      asked.push(step.cause.id);
      answers = answer(answers, step.key, step.question.yes === 'ruled-out' ? 'yes' : 'no');
    }
    expect(asked).toEqual([
      'invalid-key-or-url',
      'no-organization',
      'group-sync-failed',
      'attribute-mapping',
      'sso-settings',
      'setup-warnings',
      'github-ip-allow-list',
      'forbidden-after-sign-in',
    ]);
    const end = walk(SONARQUBE_CLOUD_CAUSES, { enterprise }, answers);
    expect(end.kind).toBe('support');
    expect(end.ruledOut).toHaveLength(8);
  });

  it('asks whether SCIM has SSO to rely on, only with SCIM provisioning', () => {
    const facts: SonarFacts = { enterprise: { ...enterprise, provisioning: 'scim' } };
    const step = walk(SONARQUBE_CLOUD_CAUSES, facts, ruleOutUntil(facts, 'scim-needs-sso'));
    expect(step).toMatchObject({ kind: 'question', cause: { id: 'scim-needs-sso' } });
    const found = walk(SONARQUBE_CLOUD_CAUSES, facts, answer(ruleOutUntil(facts, 'scim-needs-sso'), questionKey('scim-needs-sso', 0), 'no'));
    expect(found).toMatchObject({ kind: 'found', cause: { id: 'scim-needs-sso' }, by: 'answer' });
    expect(walk(SONARQUBE_CLOUD_CAUSES, { enterprise }, ruleOutUntil({ enterprise })).kind).toBe('support');
  });

  it('judges a pasted link with the link validator', () => {
    const wrongKey = walk(SONARQUBE_CLOUD_CAUSES, { enterprise, pastedLink: 'https://sonarcloud.io/login/sso?enterprise_key=Acme' });
    expect(wrongKey).toMatchObject({ kind: 'found', cause: { id: 'invalid-key-or-url' }, by: 'evidence' });
    expect(wrongKey.kind === 'found' && wrongKey.detail).toMatch(/differ in case/);
    const wrongRegion = walk(SONARQUBE_CLOUD_CAUSES, { enterprise, pastedLink: 'https://sonarqube.us/login/sso?enterprise_key=acme' });
    expect(wrongRegion.kind === 'found' && wrongRegion.detail).toMatch(/sonarqube\.us/);
    const good = walk(SONARQUBE_CLOUD_CAUSES, { enterprise, pastedLink: 'https://sonarcloud.io/login/sso?enterprise_key=acme' });
    expect(good).toMatchObject({ kind: 'question', cause: { id: 'no-organization' } });
    expect(good.ruledOut[0]).toMatchObject({ causeId: 'invalid-key-or-url', by: 'evidence' });
  });

  it('an answer can find the first cause', () => {
    const step = walk(SONARQUBE_CLOUD_CAUSES, { enterprise }, [[questionKey('invalid-key-or-url', 0), 'no']]);
    expect(step).toMatchObject({ kind: 'found', cause: { id: 'invalid-key-or-url' }, by: 'answer' });
  });

  it.each([
    ['no-org-match', 'error', 'no-organization'],
    ['group-case-mismatch', 'error', 'group-sync-failed'],
    ['groups-missing', 'warning', 'group-sync-failed'],
    ['email-attribute-missing', 'error', 'attribute-mapping'],
    ['audience-mismatch', 'error', 'sso-settings'],
    ['acs-forbidden', 'error', 'forbidden-after-sign-in'],
    ['idp-initiated', 'warning', 'invalid-key-or-url'],
  ])('stops at the cause a captured %s proves, without asking', (rule, severity, cause) => {
    const step = walk(SONARQUBE_CLOUD_CAUSES, { enterprise, signIn: signIn([rule, severity]) });
    expect(step).toMatchObject({ kind: 'found', cause: { id: cause }, by: 'evidence' });
    expect(step.kind === 'found' && step.detail).toContain(rule);
  });

  it('an IdP-initiated start is no fault with Okta Express', () => {
    const step = walk(SONARQUBE_CLOUD_CAUSES, { enterprise: { ...enterprise, oktaExpress: true }, signIn: signIn(['idp-initiated', 'warning']) });
    expect(step.kind).toBe('question');
  });

  it('takes e-mail first among the SSO configuration causes, and the first cause in the page’s order', () => {
    const step = walk(SONARQUBE_CLOUD_CAUSES, { enterprise, signIn: signIn(['audience-mismatch', 'error'], ['email-attribute-missing', 'error']) });
    expect(step).toMatchObject({ kind: 'found', cause: { id: 'attribute-mapping' } });
  });

  it('rules out what a clean capture disproves and asks only the yes/no questions', () => {
    const facts: SonarFacts = { enterprise, signIn: { ...signIn(['jit-membership-reset', 'info'])!, groupsMatch: true } };
    const first = walk(SONARQUBE_CLOUD_CAUSES, facts);
    expect(first).toMatchObject({ kind: 'question', cause: { id: 'setup-warnings' } });
    expect(first.ruledOut.map((r) => r.causeId)).toEqual(['invalid-key-or-url', 'no-organization', 'group-sync-failed', 'attribute-mapping', 'sso-settings']);
    const warning = walk(SONARQUBE_CLOUD_CAUSES, facts, [[questionKey('setup-warnings', 0), 'yes']]);
    expect(warning).toMatchObject({ kind: 'found', cause: { id: 'setup-warnings' }, by: 'answer' });
    expect(warning.kind === 'found' && warning.cause.fix).toMatch(/attribute-mapping change/);
    const github = walk(SONARQUBE_CLOUD_CAUSES, facts, [[questionKey('setup-warnings', 0), 'no'], [questionKey('github-ip-allow-list', 0), 'yes']]);
    expect(github).toMatchObject({ kind: 'found', cause: { id: 'github-ip-allow-list' } });
    const end = walk(SONARQUBE_CLOUD_CAUSES, facts, [[questionKey('setup-warnings', 0), 'no'], [questionKey('github-ip-allow-list', 0), 'no']]);
    expect(end.kind).toBe('support');
  });

  it('a clean capture rules out SCIM needing SSO', () => {
    const facts: SonarFacts = { enterprise: { ...enterprise, provisioning: 'scim' }, signIn: { ...signIn()!, groupsMatch: true } };
    const end = walk(SONARQUBE_CLOUD_CAUSES, facts, [[questionKey('setup-warnings', 0), 'no'], [questionKey('github-ip-allow-list', 0), 'no']]);
    expect(end.kind).toBe('support');
    expect(end.ruledOut.at(-1)).toMatchObject({ causeId: 'scim-needs-sso', by: 'evidence' });
  });

  it('every cause has a title, a fix, an https doc link, a stable id and a question', () => {
    const ids = SONARQUBE_CLOUD_CAUSES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const cause of SONARQUBE_CLOUD_CAUSES) {
      expect(cause.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(cause.fix.length).toBeGreaterThan(20);
      expect(cause.docs).toMatch(/^https:\/\/docs\.sonarsource\.com\/sonarqube-cloud\//);
      expect(cause.docs).not.toMatch(/managing-enterprise\/sso\//);
      expect(cause.questions.length).toBeGreaterThan(0);
    }
  });
});
