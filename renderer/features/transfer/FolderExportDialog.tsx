import { useEffect, useId, useRef } from 'react';
import type { FolderExportStatus } from '../../../shared/ipc';
import { Modal } from '../../components/Modal';
import { countOf } from '../../lib/format';
import { SkippedList } from './SkippedList';
import type { FolderExport } from './useFolderExport';

interface FolderExportDialogProps {
  job: FolderExport;
  /** A conversation's title, to say which ones were skipped. */
  titleOf: (id: string) => string;
  onCancel: () => void;
  onClose: () => void;
}

function outcome(status: FolderExportStatus): string {
  if (status.cancelled) return `Export cancelled after ${countOf(status.written, 'conversation')}. The files written so far are in ${status.folder}`;
  return `Exported ${countOf(status.written, 'conversation')} to ${status.folder}`;
}

/** Progress of a folder export, a way to cancel it, and once it ends, what was written and what was not. */
export function FolderExportDialog({ job, titleOf, onCancel, onClose }: FolderExportDialogProps) {
  const id = useId();
  const { status, error, cancelling } = job;
  const ended = error !== null || status?.finished === true;
  const closeRef = useRef<HTMLButtonElement>(null);

  // The Cancel button goes away when the export ends: focus moves to Close rather than to nowhere.
  useEffect(() => {
    if (ended) closeRef.current?.focus();
  }, [ended]);

  return (
    // Escape must not drop a running export out of sight: it closes only once it has ended.
    <Modal labelledBy={`${id}-title`} onClose={ended ? onClose : () => undefined}>
      <h2 id={`${id}-title`}>Exporting conversations</h2>
      <div
        role="progressbar"
        aria-label="Export progress"
        className="progress"
        aria-valuemin={0}
        aria-valuemax={status?.total}
        aria-valuenow={status?.done}
      >
        <div className="progress-fill" style={{ width: status && status.total > 0 ? `${(100 * status.done) / status.total}%` : 0 }} />
      </div>
      <p className="muted">{status ? `${status.done} of ${status.total}` : 'Starting…'}</p>
      <p role="status" className="status-text">
        {status?.finished ? outcome(status) : cancelling ? 'Cancelling…' : ''}
      </p>
      {status?.error && (
        <p role="alert" className="error-text">
          The export stopped: {status.error.message}
        </p>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {status && <SkippedList items={status.skipped.map((skip) => ({ name: titleOf(skip.id), reason: skip.reason }))} />}
      <div className="actions">
        {ended ? (
          <button ref={closeRef} type="button" className="primary" onClick={onClose}>
            Close
          </button>
        ) : (
          // aria-disabled, not disabled: the button keeps focus while main winds the export down.
          <button type="button" aria-disabled={cancelling} onClick={cancelling ? undefined : onCancel}>
            Cancel export
          </button>
        )}
      </div>
    </Modal>
  );
}
