import { useEffect, useId, useRef, type ChangeEvent } from 'react';
import { Modal } from '../../components/Modal';
import { ImportProgressView } from './ImportProgressView';
import { ImportReportView } from './ImportReportView';
import { pickedFromList, type PickedFile } from './importSource';
import type { Duplicates, ImportState } from './useImport';

interface ImportDialogProps {
  state: ImportState;
  onDuplicates: (duplicates: Duplicates) => void;
  onFiles: (picked: PickedFile[]) => void;
  /** Stops a large file's import; what it imported stays. */
  onStop: () => void;
  onClose: () => void;
}

const DUPLICATE_CHOICES: { value: Duplicates; label: string }[] = [
  { value: 'skip', label: 'Skip it' },
  { value: 'replace', label: 'Replace it' },
];

/** Choosing files or a folder to import, what to do with conversations already here, and the report. */
/** "Import finished: 8 imported (3 with parts left out), 1 skipped." */
function outcome({ imported, skipped }: NonNullable<ImportState['report']>): string {
  const partial = imported.filter((item) => item.notes && item.notes.length > 0).length;
  return `Import finished: ${imported.length} imported${partial > 0 ? ` (${partial} with parts left out)` : ''}, ${skipped.length} skipped.`;
}

export function ImportDialog({ state, onDuplicates, onFiles, onStop, onClose }: ImportDialogProps) {
  const id = useId();
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);

  // React has no prop for webkitdirectory: it makes the picker choose a folder, with the files inside.
  useEffect(() => folderRef.current?.setAttribute('webkitdirectory', ''), []);

  function picked(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    if (input.files && input.files.length > 0) onFiles(pickedFromList(input.files));
    // Cleared, so choosing the same files again is a change too.
    input.value = '';
  }

  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-what`} onClose={onClose} className="import-dialog">
      <div className="modal-header">
        <h2 id={`${id}-title`}>Import conversations</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <div id={`${id}-what`} className="stack import-what">
        <p>Parley can import:</p>
        <ul>
          <li>Markdown files exported from Parley, one by one or a folder of them</li>
          <li>A Parley backup (.json)</li>
          <li>ChatGPT&apos;s data export (conversations.json)</li>
        </ul>
        <p className="hint">You can also drop files or a folder anywhere on the window.</p>
      </div>

      <div role="radiogroup" aria-labelledby={`${id}-duplicates`} className="choice-group">
        <p id={`${id}-duplicates`} className="choice-label">
          If a conversation is already here
        </p>
        {DUPLICATE_CHOICES.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name={`${id}-duplicates`}
              value={choice.value}
              checked={state.duplicates === choice.value}
              disabled={state.importing}
              onChange={() => onDuplicates(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </div>

      <div className="actions import-choose">
        <button type="button" className="primary" disabled={state.importing} onClick={() => filesRef.current?.click()}>
          Choose files
        </button>
        <button type="button" disabled={state.importing} onClick={() => folderRef.current?.click()}>
          Choose folder
        </button>
        {/* Out of the Tab order (the buttons above open them), but named, so tests and assistive tools can find them. */}
        <input ref={filesRef} type="file" multiple accept=".md,.markdown,.json" aria-label="Files to import" tabIndex={-1} className="visually-hidden" onChange={picked} />
        <input ref={folderRef} type="file" multiple aria-label="Folder to import" tabIndex={-1} className="visually-hidden" onChange={picked} />
      </div>

      {state.progress && <ImportProgressView progress={state.progress} onStop={onStop} />}
      <div role="status" className="status-text">
        {state.importing ? 'Importing…' : state.report && outcome(state.report)}
      </div>
      {state.error && (
        <p role="alert" className="error-text">
          {state.error}
        </p>
      )}
      {state.report && <ImportReportView report={state.report} />}
    </Modal>
  );
}
