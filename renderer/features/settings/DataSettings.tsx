import { DataFolderSection } from './DataFolderSection';
import type { SettingsPageProps } from './settingsPage';

/** Settings › Data: conversations in and out, the data folder and the history's backups. */
export function DataSettings({ dataActions, onRestoreBackup }: SettingsPageProps) {
  return (
    <>
      {dataActions}
      <DataFolderSection onRestoreBackup={onRestoreBackup} />
    </>
  );
}
