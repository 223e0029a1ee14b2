import { useId } from 'react';
import type { ReasoningMode } from '../../../shared/ipc';

interface ReasoningFieldProps {
  value: boolean | undefined;
  /** What Parley knows of the model; null: not known, so the choice is offered. */
  mode: ReasoningMode | null;
  onChange: (value: boolean | undefined) => void;
}

const CHOICES: { label: string; value: boolean | undefined }[] = [
  { label: 'Model default', value: undefined },
  { label: 'On', value: true },
  { label: 'Off', value: false },
];

const FIXED: Partial<Record<ReasoningMode, string>> = {
  always: 'This model always reasons; it cannot be turned off.',
  none: 'This model does not reason.',
};

/** Reasoning on, off, or as the model decides; only for models where it can be switched. */
export function ReasoningField({ value, mode, onChange }: ReasoningFieldProps) {
  const id = useId();
  const fixed = mode === null ? undefined : FIXED[mode];
  return (
    <div role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={`${id}-hint`} className="choice-group param-field">
      <p id={`${id}-label`} className="choice-label">
        Reasoning
      </p>
      {fixed ? (
        <>
          <p id={`${id}-hint`} className="hint">
            {fixed}
          </p>
          {value !== undefined && (
            <button type="button" onClick={() => onChange(undefined)}>
              Clear reasoning ({value ? 'on' : 'off'})
            </button>
          )}
        </>
      ) : (
        <>
          {CHOICES.map((choice) => (
            <label key={choice.label} className="choice">
              <input type="radio" name={`${id}-reasoning`} checked={value === choice.value} onChange={() => onChange(choice.value)} />
              {choice.label}
            </label>
          ))}
          <p id={`${id}-hint`} className="hint">
            Sent as enable_thinking to models that can switch reasoning.
          </p>
        </>
      )}
    </div>
  );
}
