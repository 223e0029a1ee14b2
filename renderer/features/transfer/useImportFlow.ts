import { useCallback } from 'react';
import { useParley } from '../../lib/ParleyContext';
import type { PickedFile } from './importSource';
import { useFileDrop } from './useFileDrop';
import { useImport } from './useImport';

/**
 * Importing into the window: the Import dialog (opened by the command, Settings or a new
 * chat's empty state) and files dropped anywhere on the window, which import the same way
 * with the dialog's choice for duplicates.
 */
export function useImportFlow() {
  const importer = useImport(useParley());
  const { importFiles, state } = importer;
  const importPicked = useCallback(
    (picked: PickedFile[] | Promise<PickedFile[]>) => void importFiles(picked, state.duplicates),
    [importFiles, state.duplicates],
  );
  const dragging = useFileDrop(importPicked);
  return { ...importer, importPicked, dragging };
}

export type ImportFlowState = ReturnType<typeof useImportFlow>;
