// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SignInHelpToggle } from './SignInHelpToggle';

describe('panel empty state: sign-in doesn’t work', () => {
  afterEach(cleanup);

  it('opens the troubleshooter from the keyboard-reachable toggle and ends with how to capture for support', async () => {
    render(<SignInHelpToggle />);
    const toggle = screen.getByRole('button', { name: 'SonarQube Cloud sign-in doesn’t work?' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    // Loaded on first use: a loaded machine can take a while the first time.
    expect(await screen.findByText(/No sign-in captured for this enterprise/, {}, { timeout: 10_000 })).toBeTruthy();
    // With no enterprise there is no key to compare a pasted link with.
    expect(screen.queryByLabelText(/The link or key the user used/)).toBeNull();
    for (let i = 0; i < 8; i++) {
      const question = screen.getByRole('heading', { level: 3 }).textContent ?? '';
      // "Yes" rules out the causes whose question asks whether things are fine; "No" the others.
      const fine = /^(Did the user start|Is the user a member|After signing in|Does the IdP send|Does “test)/.test(question);
      fireEvent.click(screen.getByRole('button', { name: fine ? 'Yes' : 'No' }));
    }
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('No documented cause explains it: collect this for support');
    expect(screen.getByText(/select Export HAR with Redact checked/)).toBeTruthy();
  });
});
