import { describe, expect, it } from 'vitest';
import { initialOptionsState, optionsReducer, type OptionsAction, type OptionsState } from './options-state';
import { EMPTY_SETTINGS, type Settings } from './schema';

const run = (state: OptionsState, ...actions: OptionsAction[]) => actions.reduce(optionsReducer, state);
const withName = (name: string): Settings => ({ ...EMPTY_SETTINGS, inviteTemplate: name });

describe('options state', () => {
  it('starts on the chosen tab, loading, and switches tabs', () => {
    expect(initialOptionsState('groups')).toEqual({ tab: 'groups', loadError: '', status: '' });
    expect(run(initialOptionsState(), { type: 'tab', tab: 'groups' }).tab).toBe('groups');
  });

  it('shows an edit at once, then what the save did', () => {
    let s = run(initialOptionsState(), { type: 'loaded', settings: withName('a') }, { type: 'edited', settings: withName('b') });
    expect(s.settings?.inviteTemplate).toBe('b');
    expect(run(s, { type: 'saved', result: { synced: true } }).status).toBe('Saved.');
    expect(run(s, { type: 'saved', result: { synced: false, reason: 'sync storage is full' } }).status).toBe('Saved on this device only: sync storage is full.');
    s = run(s, { type: 'save-failed', message: 'no storage' });
    expect(s.status).toBe('Could not save: no storage');
    expect(s.settings?.inviteTemplate).toBe('b');
  });

  it('takes changes made on another page, and says when the settings cannot be read', () => {
    expect(run(initialOptionsState(), { type: 'changed-elsewhere', settings: withName('popup') }).settings?.inviteTemplate).toBe('popup');
    const failed = run(initialOptionsState(), { type: 'load-failed', message: 'denied' });
    expect(failed.loadError).toBe('denied');
    expect(failed.settings).toBeUndefined();
  });
});
