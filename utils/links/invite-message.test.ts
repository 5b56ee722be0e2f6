import { describe, expect, it } from 'vitest';
import { checkInviteTemplate, DEFAULT_INVITE_TEMPLATE, renderInviteMessage, unknownPlaceholders } from './invite-message';

const values = {
  link: 'https://sonarcloud.io/login/sso?enterprise_key=acme',
  loginUrl: 'https://sonarcloud.io/login/sso',
  enterprise: 'Acme',
  enterpriseKey: 'acme',
};

describe('invite message', () => {
  it('fills every placeholder of the default template', () => {
    const text = renderInviteMessage(DEFAULT_INVITE_TEMPLATE, values);
    expect(text).toContain(values.link);
    expect(text).toContain('Acme now signs in');
    expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
  });

  it('tells users what to check after the first sign-in', () => {
    const text = renderInviteMessage(DEFAULT_INVITE_TEMPLATE, values);
    expect(text).toMatch(/organization/);
    expect(text).toMatch(/generate your analysis tokens with your SSO account/);
    // The docs' advice holds from the Team plan on; the message keeps that condition.
    expect(text).toMatch(/from the Team plan, scoped organization tokens are highly recommended instead of personal access tokens/);
    expect(text).toMatch(/start at SonarQube Cloud/);
  });

  it('keeps an unknown placeholder visible and reports it', () => {
    expect(renderInviteMessage('Go: {Link}', values)).toBe('Go: {Link}');
    expect(unknownPlaceholders('Go: {Link} {link} {Link}')).toEqual(['{Link}']);
  });

  it('warns about a template without a link', () => {
    expect(checkInviteTemplate('Hello {enterprise}')).toEqual([expect.stringMatching(/no \{link\}/)]);
    expect(checkInviteTemplate(DEFAULT_INVITE_TEMPLATE)).toEqual([]);
  });
});
