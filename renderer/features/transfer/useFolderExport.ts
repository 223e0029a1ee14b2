import { useCallback, useEffect, useState } from 'react';
import type { ParleyApi } from '../../../shared/ipc/client';
import type { FolderExportStatus } from '../../../shared/ipc';
import { toAppError } from '../../lib/errors';

/** Often enough for a progress bar to move smoothly, rarely enough to cost main nothing. */
const POLL_MS = 200;

export interface FolderExport {
  status: FolderExportStatus | null;
  /** Main could not be asked how the export is going, or could not cancel it. */
  error: string | null;
  cancelling: boolean;
}

/**
 * One folder export at a time: starts it (main asks for the folder), asks main how it is
 * going until it has finished, and cancels it on request.
 */
export function useFolderExport(api: ParleyApi) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [status, setStatus] = useState<FolderExportStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    if (jobId === null || status?.finished || error !== null) return;
    let live = true;
    // Each answer schedules the next question, so slow answers never pile up.
    const timer = setTimeout(
      () =>
        api.folderExportStatus({ jobId }).then(
          (next) => live && setStatus(next),
          (failure: unknown) => live && setError(`Could not follow the export: ${toAppError(failure).message}`),
        ),
      status === null ? 0 : POLL_MS,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, jobId, status, error]);

  /** Resolves true once the export runs; false when the person cancelled the folder choice. */
  const start = useCallback(
    async (ids: string[] | null) => {
      const started = await api.startFolderExport({ ids });
      if (started.jobId === null) return false;
      setStatus(null);
      setError(null);
      setCancelling(false);
      setJobId(started.jobId);
      return true;
    },
    [api],
  );

  const cancel = useCallback(() => {
    if (jobId === null) return;
    setCancelling(true);
    // The export goes on until main confirms; polling shows the cancelled result.
    api.cancelFolderExport({ jobId }).catch((failure: unknown) => {
      setCancelling(false);
      setError(`Could not cancel the export: ${toAppError(failure).message}`);
    });
  }, [api, jobId]);

  const close = useCallback(() => setJobId(null), []);

  const current: FolderExport | null = jobId === null ? null : { status, error, cancelling };
  return { current, start, cancel, close };
}
