import { useId, useState, type FormEvent } from 'react';
import { useKeySave } from '../setup/useKeySave';
import { draftProblem, type EndpointDraft } from './endpointInput';

interface EndpointFormProps {
  /** The heading: "Add endpoint" or "Edit <name>". */
  title: string;
  initial: EndpointDraft;
  /** Shown under the key field, e.g. which key is stored now. */
  keyHint: string;
  submitLabel: string;
  /** Stores the draft; a rejection is shown and the draft kept. */
  onSubmit: (draft: EndpointDraft, allowInsecure: boolean) => Promise<void>;
  onCancel: () => void;
}

/** Name, base URL, an optional key and project header. Nothing typed is lost when saving fails. */
export function EndpointForm({ title, initial, keyHint, submitLabel, onSubmit, onCancel }: EndpointFormProps) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const { error, setError, saving, save, consent } = useKeySave((allowInsecure) => onSubmit(draft, allowInsecure));

  const edit = (patch: Partial<EndpointDraft>) => setDraft((current) => ({ ...current, ...patch }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = draftProblem(draft);
    if (problem) setError(problem);
    else void save(false);
  }

  return (
    <form className="stack endpoint-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h4 id={`${id}-title`}>{title}</h4>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} type="text" autoFocus value={draft.name} onChange={(event) => edit({ name: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-url`}>Base URL</label>
        <input
          id={`${id}-url`}
          type="url"
          spellCheck={false}
          placeholder="http://127.0.0.1:11434/v1"
          value={draft.baseURL}
          onChange={(event) => edit({ baseURL: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-key`}>API key (optional)</label>
        <input
          id={`${id}-key`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-key-hint`}
          value={draft.key}
          onChange={(event) => edit({ key: event.target.value })}
        />
        <p id={`${id}-key-hint`} className="hint">
          {keyHint}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-project`}>Project header (optional)</label>
        <input
          id={`${id}-project`}
          type="text"
          spellCheck={false}
          aria-describedby={`${id}-project-hint`}
          value={draft.project}
          onChange={(event) => edit({ project: event.target.value })}
        />
        <p id={`${id}-project-hint`} className="hint">
          Sent as OpenAI-Project, for servers that bill usage to a project.
        </p>
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {submitLabel}
        </button>
      </div>
      {consent}
    </form>
  );
}
