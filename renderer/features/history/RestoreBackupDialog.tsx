import { useEffect, useId, useState } from 'react';
import { formatBytes } from '../../../shared/attachmentLimits';
import type { HistoryBackupView } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { Modal } from '../../components/Modal';
import { toAppError } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import './restoreBackup.css';

interface RestoreBackupDialogProps {
  onClose: () => void;
  /** Restores the backup and reloads the history; rejects with the reason when it cannot. */
  onRestore: (backupFile: string) => Promise<void>;
}

/** "Restore from backup…": the history backups in the data folder with their dates and sizes, each restorable after a confirmation. */
export function RestoreBackupDialog({ onClose, onRestore }: RestoreBackupDialogProps) {
  const api = useParley();
  const id = useId();
  const [backups, setBackups] = useState<HistoryBackupView[] | null>(null);
  const [chosen, setChosen] = useState<HistoryBackupView | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.listHistoryBackups().then(
      (list) => live && setBackups(list),
      (failure: unknown) => {
        if (!live) return;
        setBackups([]);
        setError(toAppError(failure).message);
      },
    );
    return () => {
      live = false;
    };
  }, [api]);

  async function restore(backup: HistoryBackupView) {
    setRestoring(true);
    setError(null);
    try {
      await onRestore(backup.file);
      setStatus(`Restored the backup of ${formatTime(backup.takenAt)}. Your previous history was kept in the data folder.`);
      setChosen(null);
    } catch (failure) {
      setError(toAppError(failure).message);
    } finally {
      setRestoring(false);
    }
  }

  let list;
  if (backups === null) list = <p className="muted">Loading backups…</p>;
  else if (backups.length === 0) list = <p>There are no backups of your history yet. Parley takes one before each upgrade of the history.</p>;
  else
    list = (
      <table className="backup-table">
        <caption className="visually-hidden">Backups of your history</caption>
        <thead>
          <tr>
            <th scope="col">Taken</th>
            <th scope="col">Size</th>
            <th scope="col">
              <span className="visually-hidden">Restore</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => (
            <tr key={backup.file} aria-current={chosen?.file === backup.file ? 'true' : undefined}>
              <td title={backup.name}>{formatTime(backup.takenAt)}</td>
              <td>{formatBytes(backup.bytes)}</td>
              <td>
                <button type="button" disabled={restoring} aria-label={`Restore the backup of ${formatTime(backup.takenAt)}`} onClick={() => setChosen(backup)}>
                  Restore…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );

  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-what`} onClose={onClose} className="restore-backup-dialog">
      <div className="modal-header">
        <h2 id={`${id}-title`}>Restore from backup</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p id={`${id}-what`} className="hint">
        Restoring a backup makes it your history again. Your current history is not deleted: it is kept in the data folder. A file you saved with
        Back up is restored with Import instead.
      </p>
      {list}
      {chosen && (
        <div role="group" aria-labelledby={`${id}-confirm`} className="stack confirm-restore">
          <p id={`${id}-confirm`}>
            Restore the backup of {formatTime(chosen.takenAt)} ({formatBytes(chosen.bytes)})? Conversations written since then stay in the kept copy of
            your current history, not in the restored one.
          </p>
          <div className="actions start">
            <button type="button" className="primary" disabled={restoring} onClick={() => void restore(chosen)}>
              {restoring ? 'Restoring…' : 'Restore this backup'}
            </button>
            <button type="button" disabled={restoring} onClick={() => setChosen(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <p role="status" className="status-text">
        {status}
      </p>
    </Modal>
  );
}
