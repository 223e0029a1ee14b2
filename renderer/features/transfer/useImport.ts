import { useCallback, useRef, useState } from 'react';
import type { ParleyApi } from '../../../shared/ipc/client';
import type { ImportReport } from '../../../shared/ipc';
import { toAppError } from '../../lib/errors';
import { readImportable, sizeProblem, type PickedFile } from './importSource';

export type Duplicates = 'skip' | 'replace';

export interface ImportState {
  open: boolean;
  duplicates: Duplicates;
  importing: boolean;
  /** What the last import did, local skips included. */
  report: ImportReport | null;
  error: string | null;
}

const CLOSED: ImportState = { open: false, duplicates: 'skip', importing: false, report: null, error: null };

/**
 * The Import dialog's state and the one way files are imported, whether chosen in the
 * dialog or dropped on the window: read them, send them in one call, report on every file.
 */
export function useImport(api: ParleyApi) {
  const [state, setState] = useState<ImportState>(CLOSED);
  /** One import at a time: a second one could not say which report is whose. */
  const running = useRef(false);

  const open = useCallback(() => setState((current) => ({ ...CLOSED, duplicates: current.duplicates, open: true })), []);
  const close = useCallback(() => setState((current) => ({ ...current, open: false })), []);
  const setDuplicates = useCallback((duplicates: Duplicates) => setState((current) => ({ ...current, duplicates })), []);

  const importFiles = useCallback(
    /** `picked` may still be arriving: a dropped folder is walked while the dialog already says "Importing…". */
    async (picked: readonly PickedFile[] | Promise<readonly PickedFile[]>, duplicates: Duplicates) => {
      if (running.current) return;
      running.current = true;
      const finish = (result: Pick<ImportState, 'report' | 'error'>) => setState((current) => ({ ...current, importing: false, ...result }));
      setState((current) => ({ ...current, open: true, importing: true, report: null, error: null }));
      try {
        const request = await readImportable(await picked);
        const problem = sizeProblem(request.files);
        if (problem) return finish({ report: null, error: problem });
        // Main takes at least one file; with none left, the local skips are the whole report.
        const answer = request.files.length === 0 ? { imported: [], skipped: [] } : await api.importFiles({ files: request.files, duplicates });
        // The sidebar (and the endpoint list, for a backup) hear of what was imported from main.
        finish({ report: { ...answer, skipped: [...request.skipped, ...answer.skipped] }, error: null });
      } catch (failure) {
        // Main imports all of a call or none of it.
        finish({ report: null, error: `Nothing was imported: ${toAppError(failure).message}` });
      } finally {
        running.current = false;
      }
    },
    [api],
  );

  return { state, open, close, setDuplicates, importFiles };
}
