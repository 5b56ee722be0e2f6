// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '@/utils/rules/types';
import { FindingsTab } from './FindingsTab';

const finding: Finding = {
  rule: 'email-attribute-missing',
  severity: 'error',
  title: 'No e-mail attribute',
  message: 'The assertion carries no e-mail.',
  fix: { entra: 'Entra: add the email claim.', okta: 'Okta: add an attribute statement.', generic: 'Send an email attribute.' },
  docs: 'https://docs.example/saml',
  reference: 'docs/rules.md#email-attribute-missing',
};

describe('FindingsTab', () => {
  afterEach(cleanup);

  it.each([
    ['okta', 'Okta', 'Okta: add an attribute statement.'],
    ['entra', 'Entra ID', 'Entra: add the email claim.'],
    ['other', 'Any IdP', 'Send an email attribute.'],
  ] as const)('opens the fix of a message issued by %s in its own terms', (idp, label, text) => {
    render(<FindingsTab findings={[finding]} idp={idp} />);
    expect(screen.getByRole('button', { name: label }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText(text)).toBeTruthy();
  });
});
