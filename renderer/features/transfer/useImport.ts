import { useCallback, useRef, useState } from 'react';
import type { ParleyApi } from '../../../shared/ipc/client';
import type { ImportReport } from '../../../shared/ipc';
import { toAppError } from '../../lib/errors';
import { isChatGptExport, uploadChatGptExport, type UploadProgress } from './chatgptUpload';
import { readImportable, sizeProblem, type PickedFile } from './importSource';

export type Duplicates = 'skip' | 'replace';

export interface ImportState {
  open: boolean;
  duplicates: Duplicates;
  importing: boolean;
  /** A large file on its way, while it is; null otherwise. */
  progress: UploadProgress | null;
  /** What the last import did, local skips included. */
  report: ImportReport | null;
  error: string | null;
}

const CLOSED: ImportState = { open: false, duplicates: 'skip', importing: false, progress: null, report: null, error: null };

/** One report for everything picked: a backup's notes and settings offer are kept. */
function merged(reports: readonly ImportReport[]): ImportReport {
  const notes = reports.flatMap((report) => report.notes ?? []);
  const settings = reports.find((report) => report.settings)?.settings;
  return {
    imported: reports.flatMap((report) => report.imported),
    skipped: reports.flatMap((report) => report.skipped),
    ...(notes.length > 0 ? { notes } : {}),
    ...(settings ? { settings } : {}),
  };
}

/** Splits the picked files into ChatGPT exports (sent in pieces) and the rest (read and sent at once). */
async function sortPicked(picked: readonly PickedFile[]): Promise<{ exports: PickedFile[]; others: PickedFile[] }> {
  const isExport = await Promise.all(picked.map((file) => isChatGptExport(file).catch(() => false)));
  return { exports: picked.filter((_, at) => isExport[at]), others: picked.filter((_, at) => !isExport[at]) };
}

/**
 * The Import dialog's state and the one way files are imported, whether chosen in the
 * dialog or dropped on the window: read them, send them, report on every file. A ChatGPT export
 * goes in pieces, with progress, and can be stopped; the rest go in one call.
 */
export function useImport(api: ParleyApi) {
  const [state, setState] = useState<ImportState>(CLOSED);
  /** One import at a time: a second one could not say which report is whose. */
  const running = useRef(false);
  const stopRequested = useRef(false);

  const open = useCallback(() => setState((current) => ({ ...CLOSED, duplicates: current.duplicates, open: true })), []);
  const close = useCallback(() => setState((current) => ({ ...current, open: false })), []);
  const setDuplicates = useCallback((duplicates: Duplicates) => setState((current) => ({ ...current, duplicates })), []);
  const stop = useCallback(() => {
    stopRequested.current = true;
  }, []);

  const importFiles = useCallback(
    /** `picked` may still be arriving: a dropped folder is walked while the dialog already says "Importing…". */
    async (picked: readonly PickedFile[] | Promise<readonly PickedFile[]>, duplicates: Duplicates) => {
      if (running.current) return;
      running.current = true;
      stopRequested.current = false;
      const finish = (result: Pick<ImportState, 'report' | 'error'>) => setState((current) => ({ ...current, importing: false, progress: null, ...result }));
      setState((current) => ({ ...current, open: true, importing: true, progress: null, report: null, error: null }));
      const reports: ImportReport[] = [];
      try {
        const { exports, others } = await sortPicked(await picked);
        const request = await readImportable(others);
        const problem = sizeProblem(request.files);
        if (problem) return finish({ report: null, error: problem });
        reports.push({ imported: [], skipped: request.skipped });
        for (const file of exports) {
          const onProgress = (progress: UploadProgress) => setState((current) => ({ ...current, progress }));
          reports.push(await uploadChatGptExport(api, file, duplicates, onProgress, () => stopRequested.current));
        }
        // Main takes at least one file; with none left, the local skips are the whole report.
        if (request.files.length > 0) reports.push(await api.importFiles({ files: request.files, duplicates }));
        // The sidebar (and the endpoint list, for a backup) hear of what was imported from main.
        finish({ report: merged(reports), error: null });
      } catch (failure) {
        // A file sent in pieces keeps what main stored before the failure; a call of whole files is all or nothing.
        const sofar = merged(reports);
        const reason = toAppError(failure).message;
        const count = sofar.imported.length;
        finish(
          count > 0
            ? { report: sofar, error: `The import stopped: ${reason} ${count} conversation${count === 1 ? ' was' : 's were'} imported before it did.` }
            : { report: null, error: `Nothing was imported: ${reason}` },
        );
      } finally {
        running.current = false;
      }
    },
    [api],
  );

  return { state, open, close, setDuplicates, importFiles, stop };
}
