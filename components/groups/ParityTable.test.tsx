// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { computeParity } from '@/utils/groups/parity';
import type { OrgGroups } from '@/utils/rules/types';
import { ParityTable } from './ParityTable';

const acme: OrgGroups = { organization: 'acme', groups: [{ name: 'Members', isDefault: true }, { name: 'Developers' }, { name: 'QA-Team' }, { name: 'Admins' }] };
const globex: OrgGroups = { organization: 'globex', groups: [{ name: 'developers' }] };

afterEach(() => cleanup());

function row(value: string) {
  return within(screen.getByText(value).closest('tr')!).getAllByRole('cell').map((c) => c.textContent);
}

describe('ParityTable', () => {
  it('shows each value with its status in words', () => {
    const parity = computeParity(['Developers', 'qa-team', 'Members', 'Sales'], [acme, globex], {
      memberships: { acme: ['Developers', 'Admins'] },
    });
    render(<ParityTable parity={parity} />);
    expect(row('Developers')).toEqual(['Developers', 'matched', 'Matched in acme; Case-only in globex: the organization has “developers”']);
    expect(row('qa-team')).toEqual(['qa-team', 'case-only', 'Case-only in acme: the organization has “QA-Team”']);
    expect(row('Members')).toEqual(['Members', 'default group', 'Default group in acme: excluded from sync']);
    expect(row('Sales')).toEqual(['Sales', 'unknown', 'Unknown: no cached organization has this group']);
    expect(screen.getByText('acme: Admins')).toBeTruthy();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('warns when no value matches any organization', () => {
    render(<ParityTable parity={computeParity(['Sales'], [acme])} />);
    expect(screen.getByRole('note').textContent).toMatch(/without any synced group/);
    expect(screen.queryByText(/Removed at this sign-in/)).toBeNull();
  });

  it('renders markup-looking values as text', () => {
    const value = '<img src=x onerror=alert(1)>';
    const { container } = render(<ParityTable parity={computeParity([value], [acme])} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(value).tagName).toBe('CODE');
  });

  it('says so when the assertion has no groups', () => {
    render(<ParityTable parity={computeParity([], [acme])} />);
    expect(screen.getByText('The assertion carries no group values.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
