/**
 * The sections of Settings, in the order the section list shows them: one line each, so a new
 * section (its page component and an icon from renderer/ui/icons) is one entry here.
 */
import type { ComponentType } from 'react';
import { Icons, type Icon } from '../../ui/icons';
import { ToolsSettings } from '../tools/ToolsSettings';
import { AboutSettings } from './AboutSettings';
import { AppearanceSettings } from './AppearanceSettings';
import { ConnectionSettings } from './ConnectionSettings';
import { DataSettings } from './DataSettings';
import { ModelsSettings } from './ModelsSettings';
import type { SettingsPageProps } from './settingsPage';
import { ShortcutsSettings } from './ShortcutsSettings';

export interface SettingsSectionEntry {
  id: string;
  /** The list's label and the page's heading. */
  name: string;
  icon: Icon;
  Page: ComponentType<SettingsPageProps>;
}

export const SETTINGS_SECTIONS: readonly SettingsSectionEntry[] = [
  { id: 'connection', name: 'Connection', icon: Icons.connection, Page: ConnectionSettings },
  { id: 'models', name: 'Models and endpoints', icon: Icons.endpoints, Page: ModelsSettings },
  { id: 'tools', name: 'Tools', icon: Icons.tools, Page: ToolsSettings },
  { id: 'appearance', name: 'Appearance', icon: Icons.appearance, Page: AppearanceSettings },
  { id: 'data', name: 'Data', icon: Icons.data, Page: DataSettings },
  { id: 'shortcuts', name: 'Shortcuts', icon: Icons.shortcuts, Page: ShortcutsSettings },
  { id: 'about', name: 'About', icon: Icons.about, Page: AboutSettings },
];
