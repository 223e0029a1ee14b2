import { useId, useState } from 'react';
import { parseNumberInput, type NumberRule } from './paramInput';

interface NumberParamFieldProps {
  label: string;
  /** Shown under the label: the valid range and what it does. */
  hint: string;
  value: number | undefined;
  rule: NumberRule;
  step: number | 'any';
  onChange: (value: number | undefined) => void;
}

/**
 * One number parameter. What the person types stays in the field as typed; a valid value is
 * set, an empty field is "not set", and anything else says why next to it and is not sent
 * (rather than quietly sending an earlier value the field no longer shows).
 */
export function NumberParamField({ label, hint, value, rule, step, onChange }: NumberParamFieldProps) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [problem, setProblem] = useState<string | null>(null);

  function change(next: string, badInput: boolean) {
    setText(next);
    const parsed = parseNumberInput(label, next, rule, badInput);
    setProblem(parsed.ok ? null : `${parsed.message} Not sent until corrected.`);
    onChange(parsed.ok ? parsed.value : undefined);
  }

  return (
    <div className="field param-field">
      <label htmlFor={id}>{label}</label>
      <div className="param-input-row">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={rule.min}
          max={rule.max >= Number.MAX_SAFE_INTEGER ? undefined : rule.max}
          step={step}
          placeholder="Not set"
          value={text}
          aria-invalid={problem !== null}
          aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
          onChange={(event) => change(event.target.value, event.target.validity.badInput)}
        />
        <button type="button" aria-label={`Clear ${label.toLowerCase()}`} disabled={text === '' && value === undefined} onClick={() => change('', false)}>
          Clear
        </button>
      </div>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="error-text">
          {problem}
        </p>
      )}
    </div>
  );
}
