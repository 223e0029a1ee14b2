/**
 * Folder exports running in the background: the page starts one, polls its progress, and may
 * cancel it. Jobs are kept after they finish (a few numbers each) so a late poll still answers.
 */
import { randomUUID } from 'node:crypto';
import type { FolderExportStatus } from '../../shared/ipc';
import { AppFailure } from '../appFailure';
import { exportConversations, type FolderExportOptions } from './folderExport';
import type { ExportConversation } from './types';

export interface FolderJobs {
  /** Starts exporting the conversations `load` gives for `ids` into `folder`; returns the job's id. */
  start(folder: string, ids: readonly string[], load: (id: string) => ExportConversation, copyAttachments?: FolderExportOptions['copyAttachments']): string;
  status(jobId: string): FolderExportStatus;
  /** False when the job had already finished. */
  cancel(jobId: string): boolean;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createFolderJobs(newId: () => string = randomUUID): FolderJobs {
  const jobs = new Map<string, { status: FolderExportStatus; controller: AbortController }>();

  const job = (jobId: string) => {
    const found = jobs.get(jobId);
    if (!found) throw new AppFailure({ code: 'invalid-request', message: 'Parley knows of no such export.' });
    return found;
  };

  return {
    start(folder, ids, load, copyAttachments) {
      const jobId = newId();
      const controller = new AbortController();
      const status: FolderExportStatus = { folder, done: 0, total: ids.length, finished: false, cancelled: false, written: 0, skipped: [], error: null };
      jobs.set(jobId, { status, controller });
      void exportConversations({
        conversations: { ids, load },
        folder,
        signal: controller.signal,
        ...(copyAttachments ? { copyAttachments } : {}),
        onProgress: ({ done, file }) => {
          status.done = done;
          if (file !== null) status.written += 1;
        },
      })
        .then((result) => {
          status.written = result.written.length;
          status.skipped = result.skipped;
          status.cancelled = result.cancelled;
        })
        .catch((error: unknown) => {
          status.error = { code: 'internal', message: `The export stopped: ${errorText(error)}` };
        })
        .finally(() => {
          status.finished = true;
        });
      return jobId;
    },

    status: (jobId) => structuredClone(job(jobId).status),

    cancel(jobId) {
      const { status, controller } = job(jobId);
      if (status.finished) return false;
      controller.abort();
      return true;
    },
  };
}
