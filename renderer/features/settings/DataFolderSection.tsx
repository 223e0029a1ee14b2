import { useEffect, useState } from 'react';
import { useParley } from '../../lib/ParleyContext';
import { toAppError } from '../../lib/errors';
import { RestoreBackupDialog } from '../history/lazy';
import { SettingsSection } from './SettingsFields';

/** Where Parley keeps everything, a button that shows it in the file manager (the app only), and the history's backups. */
export function DataFolderSection({ onRestoreBackup }: { onRestoreBackup: (backupFile: string) => Promise<void> }) {
  const api = useParley();
  const [path, setPath] = useState('');
  const [status, setStatus] = useState('');
  const [choosingBackup, setChoosingBackup] = useState(false);

  useEffect(() => {
    let live = true;
    api.dataFolder().then(
      (folder) => live && setPath(folder.path),
      (error: unknown) => live && setStatus(toAppError(error).message),
    );
    return () => {
      live = false;
    };
  }, [api]);

  async function open() {
    try {
      const result = await api.openDataFolder();
      // Web mode has no file manager to hand the folder to: the path above is the way there.
      setStatus(result.opened ? '' : `Parley cannot open folders here; the folder is ${result.path}`);
    } catch (error) {
      setStatus(toAppError(error).message);
    }
  }

  return (
    <SettingsSection title="Data folder">
      <p className="data-folder-path">
        <code>{path}</code>
      </p>
      <p className="hint">Settings, the encrypted key, history and logs.</p>
      <div className="actions start">
        <button type="button" onClick={() => void open()}>
          Open data folder
        </button>
        <button type="button" onClick={() => setChoosingBackup(true)}>
          Restore from backup…
        </button>
      </div>
      <p role="status" className="status-text">
        {status}
      </p>
      {choosingBackup && <RestoreBackupDialog onClose={() => setChoosingBackup(false)} onRestore={onRestoreBackup} />}
    </SettingsSection>
  );
}
