import type { ReactNode } from 'react';
import type { KeyStatus } from '../../../shared/ipc';

/** What every Settings section page may use; a page takes only what it needs. */
export interface SettingsPageProps {
  keyStatus: KeyStatus;
  onKeyStatus: (status: KeyStatus) => void;
  /** Moving conversations in and out (Import, Export all, Back up, Select), from the workspace. */
  dataActions: ReactNode;
  /** Restores one of the history's backups (Data › Restore from backup…). */
  onRestoreBackup: (backupFile: string) => Promise<void>;
}
