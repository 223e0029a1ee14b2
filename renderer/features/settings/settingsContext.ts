import type { Settings, SettingsPatch } from '../../../shared/ipc';
import { appContext } from '../../lib/shownValue';

/** The settings as the window shows them, and the one way the window changes them. */
export interface SettingsState {
  value: Settings;
  /**
   * Saves a change and resolves with main's settings after it (it rejects with main's reason).
   * With `preview`, the window shows the change at once, until main has answered.
   */
  update(patch: SettingsPatch, options?: { preview?: boolean }): Promise<Settings>;
}

export const [SettingsContext, useSettings] = appContext<SettingsState>('useSettings');
