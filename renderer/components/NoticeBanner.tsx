import { useState } from 'react';
import type { Notice } from '../../shared/ipc';
import { toAppError } from '../lib/errors';

interface NoticeBannerProps {
  notice: Notice;
  onDismiss: () => void;
  /** Restores the backup a history notice offers; resolves once the history is back. */
  onRestoreBackup: (backupFile: string) => Promise<void>;
}

export function NoticeBanner({ notice, onDismiss, onRestoreBackup }: NoticeBannerProps) {
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { backupFile } = notice;

  async function restore(file: string) {
    setRestoring(true);
    setError(null);
    try {
      await onRestoreBackup(file);
      onDismiss();
    } catch (failure) {
      setError(toAppError(failure).message);
      setRestoring(false);
    }
  }

  return (
    <div role="status" className={`notice notice-${notice.level}`}>
      <p>{notice.message}</p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {backupFile && (
        <button type="button" disabled={restoring} onClick={() => void restore(backupFile)}>
          {restoring ? 'Restoring…' : 'Restore backup'}
        </button>
      )}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
