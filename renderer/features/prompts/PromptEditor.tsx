import { useId } from 'react';
import { PROMPT_VARIABLES } from '../../../shared/promptVariables';
import type { PromptDraft } from './promptDrafts';

interface PromptEditorProps {
  draft: PromptDraft;
  nameProblem: string | null;
  onChange: (draft: PromptDraft) => void;
}

/** A prompt's name and text, with the variables Parley fills in when a message is sent. */
export function PromptEditor({ draft, nameProblem, onChange }: PromptEditorProps) {
  const id = useId();
  return (
    <div className="stack prompt-editor">
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          type="text"
          value={draft.name}
          aria-invalid={nameProblem !== null}
          aria-describedby={nameProblem ? `${id}-name-problem` : undefined}
          onChange={(event) => onChange({ ...draft, name: event.target.value })}
        />
        {nameProblem && (
          <p id={`${id}-name-problem`} role="alert" className="error-text">
            {nameProblem}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>Prompt text</label>
        <textarea id={`${id}-text`} rows={6} value={draft.text} aria-describedby={`${id}-variables`} onChange={(event) => onChange({ ...draft, text: event.target.value })} />
        <div id={`${id}-variables`} className="hint">
          Filled in when a message is sent:
          <ul className="prompt-variables">
            {PROMPT_VARIABLES.map((variable) => (
              <li key={variable.name}>
                <code>{variable.name}</code> {variable.meaning}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
