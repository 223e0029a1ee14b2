import { useState } from 'react';
import type { Notice } from '../../shared/ipc';
import { toAppError } from '../lib/errors';

interface NoticeBannerProps {
  notice: Notice;
  onDismiss: () => void;
  /** Restores the backup a history notice offers; resolves once the history is back. */
  onRestoreBackup: (backupFile: string) => Promise<void>;
  /** "Restore from backup…": lets the person pick one of the backups. */
  onChooseBackup: () => void;
  /** "Back up what can be read": resolves with what to say about the file written (null: cancelled). */
  onBackUp: () => Promise<string | null>;
}

export function NoticeBanner({ notice, onDismiss, onRestoreBackup, onChooseBackup, onBackUp }: NoticeBannerProps) {
  const [busy, setBusy] = useState<'restoring' | 'backing-up' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { backupFile, offers = [] } = notice;

  async function act(kind: 'restoring' | 'backing-up', action: () => Promise<void>) {
    setBusy(kind);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(toAppError(failure).message);
    } finally {
      setBusy(null);
    }
  }

  const restore = (file: string) =>
    act('restoring', async () => {
      await onRestoreBackup(file);
      onDismiss();
    });
  const backUp = () => act('backing-up', async () => setDone(await onBackUp()));

  return (
    <div role="status" className={`notice notice-${notice.level}`}>
      <p>{notice.message}</p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {done && <p>{done}</p>}
      {offers.includes('back-up') && (
        <button type="button" disabled={busy !== null} onClick={() => void backUp()}>
          {busy === 'backing-up' ? 'Backing up…' : 'Back up what can be read'}
        </button>
      )}
      {backupFile && (
        <button type="button" disabled={busy !== null} onClick={() => void restore(backupFile)}>
          {busy === 'restoring' ? 'Restoring…' : 'Restore backup'}
        </button>
      )}
      {offers.includes('choose-backup') && (
        <button type="button" disabled={busy !== null} onClick={onChooseBackup}>
          Restore from backup…
        </button>
      )}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
