import { useId, useRef, useState, type ChangeEvent } from 'react';
import type { PromptImportReport } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { ActionStatus } from '../../components/ActionStatus';
import { Modal } from '../../components/Modal';
import './prompts.css';
import { saveOrDownload } from '../../lib/saveOrDownload';
import { useActionStatus } from '../../lib/useActionStatus';
import { PromptEditor } from './PromptEditor';
import { PromptImportSummary } from './PromptImportSummary';
import { usePromptLibrary } from './promptLibraryContext';
import { shownDraft, unsavedIds, withoutDraft, type Drafts, type PromptDraft } from './promptDrafts';

interface PromptsDialogProps {
  /** Makes `text` the open conversation's system prompt; the dialog then closes (asking first about unsaved drafts). */
  onApply: (text: string) => void;
  onClose: () => void;
}

/**
 * "Prompts": named system prompts to create, edit, duplicate, delete, import and export; one is
 * the default for new chats, and any can be applied to the open conversation. Edits stay as
 * drafts until saved, also while another prompt is shown; closing with unsaved drafts asks first.
 */
export function PromptsDialog({ onApply, onClose }: PromptsDialogProps) {
  const api = useParley();
  const { value: library, show } = usePromptLibrary();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [selectedId, setSelectedId] = useState<string | null>(library.defaultId ?? library.prompts[0]?.id ?? null);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [importReport, setImportReport] = useState<PromptImportReport | null>(null);
  /** The default box's state while main is asked to change it; null when settled. */
  const [requestedDefault, setRequestedDefault] = useState<boolean | null>(null);
  const { status, error, run } = useActionStatus();

  const selected = selectedId === null ? null : shownDraft(library, drafts, selectedId);
  const isSaved = library.prompts.some((prompt) => prompt.id === selectedId);
  const unsaved = unsavedIds(library, drafts);

  function select(next: string) {
    setSelectedId(next);
    setNameProblem(null);
    setConfirmingDelete(false);
  }

  function edit(draft: PromptDraft) {
    if (selectedId === null) return;
    setDrafts((current) => ({ ...current, [selectedId]: draft }));
    if (draft.name.trim()) setNameProblem(null);
  }

  function startNew() {
    const newId = crypto.randomUUID();
    setDrafts((current) => ({ ...current, [newId]: { name: '', text: '' } }));
    select(newId);
  }

  function saveAs(promptId: string, draft: PromptDraft, done: string) {
    if (!draft.name.trim()) {
      setNameProblem('Give the prompt a name before saving it.');
      return;
    }
    void run(async () => {
      show(await api.savePrompt({ id: promptId, name: draft.name, text: draft.text }));
      setDrafts((current) => withoutDraft(current, promptId));
      select(promptId);
      return done;
    });
  }

  const save = () => selectedId && selected && saveAs(selectedId, selected, `Saved “${selected.name.trim()}”.`);
  const duplicate = () => selected && saveAs(crypto.randomUUID(), { ...selected, name: `${selected.name.trim()} copy` }, `Duplicated “${selected.name.trim()}”.`);

  const remove = () =>
    void run(async () => {
      if (selectedId === null || !selected) return null;
      if (isSaved) show(await api.deletePrompt({ id: selectedId }));
      setDrafts((current) => withoutDraft(current, selectedId));
      setSelectedId(null);
      setConfirmingDelete(false);
      return `Deleted “${selected.name.trim() || 'the new prompt'}”.`;
    });

  const setDefault = (on: boolean) => {
    // The box shows the click at once; it settles on main's answer (and goes back if that fails).
    setRequestedDefault(on);
    void run(async () => {
      try {
        show(await api.setDefaultPrompt({ id: on ? selectedId : null }));
        return on ? 'New chats will start with this prompt.' : 'New chats will start with no system prompt.';
      } finally {
        setRequestedDefault(null);
      }
    });
  };

  const exportPrompts = () => void run(async () => saveOrDownload(await api.exportPrompts()));

  function importPicked(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    // Cleared, so choosing the same file again is a change too.
    event.currentTarget.value = '';
    if (!file) return;
    setImportReport(null);
    void run(async () => {
      const { library: next, report } = await api.importPrompts({ content: await file.text() });
      show(next);
      setImportReport(report);
      return null;
    });
  }

  const close = () => (unsaved.length > 0 ? setConfirmingClose(true) : onClose());

  return (
    <Modal labelledBy={`${id}-title`} onClose={close} className="prompts-dialog">
      <div className="modal-header">
        <h2 id={`${id}-title`}>Prompts</h2>
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
      {confirmingClose && (
        <div role="alert" className="stack prompt-confirm">
          <p>
            {unsaved.length === 1 ? 'One prompt has' : `${unsaved.length} prompts have`} unsaved changes. Close without saving them?
          </p>
          <div className="actions">
            <button type="button" onClick={() => setConfirmingClose(false)}>
              Keep editing
            </button>
            <button type="button" className="danger" onClick={onClose}>
              Discard changes
            </button>
          </div>
        </div>
      )}
      <div className="actions start">
        <button type="button" onClick={startNew}>
          New prompt
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          Import prompts
        </button>
        <button type="button" disabled={library.prompts.length === 0} onClick={exportPrompts}>
          Export prompts
        </button>
        {/* Out of the Tab order (the button opens it), but named, so tests and assistive tools can find it. */}
        <input ref={fileRef} type="file" accept=".json,application/json" aria-label="Prompts file to import" tabIndex={-1} className="visually-hidden" onChange={importPicked} />
      </div>
      <ActionStatus status={status} error={error} />
      {importReport && <PromptImportSummary report={importReport} />}

      <div className="prompts-layout">
        {library.prompts.length === 0 && unsaved.length === 0 ? (
          <p className="hint">No saved prompts yet. Choose “New prompt” to write one.</p>
        ) : (
          <ul aria-label="Saved prompts" className="prompt-list">
            {[...library.prompts.map((prompt) => prompt.id), ...unsaved.filter((draftId) => !library.prompts.some((p) => p.id === draftId))].map((promptId) => {
              const shown = shownDraft(library, drafts, promptId);
              const label = `${shown.name.trim() || 'New prompt'}${promptId === library.defaultId ? ' (default)' : ''}${unsaved.includes(promptId) ? ' (unsaved)' : ''}`;
              return (
                <li key={promptId}>
                  <button type="button" aria-pressed={promptId === selectedId} onClick={() => select(promptId)}>
                    {label}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {selectedId !== null && selected && (
          <div className="stack">
            <PromptEditor draft={selected} nameProblem={nameProblem} onChange={edit} />
            <label className="choice">
              <input type="checkbox" checked={requestedDefault ?? library.defaultId === selectedId} disabled={!isSaved} onChange={(event) => setDefault(event.target.checked)} />
              Default for new chats{isSaved ? '' : ' (save the prompt first)'}
            </label>
            <div className="actions start">
              <button type="button" className="primary" onClick={save}>
                Save prompt
              </button>
              <button type="button" onClick={duplicate}>
                Duplicate
              </button>
              <button
                type="button"
                onClick={() => {
                  onApply(selected.text);
                  close();
                }}
              >
                Apply to this conversation
              </button>
              <button type="button" onClick={() => setConfirmingDelete(true)}>
                Delete
              </button>
            </div>
            {confirmingDelete && (
              <div role="alert" className="stack prompt-confirm">
                <p>Delete “{selected.name.trim() || 'New prompt'}”? This cannot be undone.</p>
                <div className="actions start">
                  <button type="button" className="danger" onClick={remove}>
                    Delete prompt
                  </button>
                  <button type="button" onClick={() => setConfirmingDelete(false)}>
                    Cancel
                  </button>
                </div>
              </div>
            )}
          </div>
        )}
      </div>
    </Modal>
  );
}
