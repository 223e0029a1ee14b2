import type { Settings } from '../../../shared/ipc';
import { shownValueContext } from '../../lib/shownValue';

/** The settings as the window shows them (see ShownValue). */
export const [SettingsContext, useSettings] = shownValueContext<Settings>('useSettings');
