import type { Settings } from './schema';
import type { SaveResult } from './settings-store';

// The options page's one store (a reducer, like the panel's): the settings being edited, whether they could be
// read, and what the last save did. Pure: the storage calls live in the page's entrypoint-provided store.

export type OptionsTab = 'enterprises' | 'groups';

export interface OptionsState {
  tab: OptionsTab;
  /** Undefined until the stored settings are read. */
  settings?: Settings;
  loadError: string;
  /** The last save's outcome, for the status line. */
  status: string;
}

export type OptionsAction =
  | { type: 'tab'; tab: OptionsTab }
  | { type: 'loaded'; settings: Settings }
  | { type: 'load-failed'; message: string }
  /** Another page (the popup's checklist) changed the stored settings. */
  | { type: 'changed-elsewhere'; settings: Settings }
  /** An edit, shown at once while it is saved. */
  | { type: 'edited'; settings: Settings }
  | { type: 'saved'; result: SaveResult }
  | { type: 'save-failed'; message: string }
  /** Another saved thing (an enterprise's IdP metadata) says how its save went. */
  | { type: 'status'; status: string };

export function initialOptionsState(tab: OptionsTab = 'enterprises'): OptionsState {
  return { tab, loadError: '', status: '' };
}

export function optionsReducer(state: OptionsState, action: OptionsAction): OptionsState {
  switch (action.type) {
    case 'tab':
      return { ...state, tab: action.tab };
    case 'loaded':
    case 'changed-elsewhere':
    case 'edited':
      return { ...state, settings: action.settings };
    case 'load-failed':
      return { ...state, loadError: action.message };
    case 'saved':
      return { ...state, status: action.result.synced ? 'Saved.' : `Saved on this device only: ${action.result.reason}.` };
    case 'save-failed':
      return { ...state, status: `Could not save: ${action.message}` };
    case 'status':
      return { ...state, status: action.status };
  }
}
