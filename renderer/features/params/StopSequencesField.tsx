import { useId, useState } from 'react';
import { PARAM_LIMITS } from '../../../shared/chatParams';

interface StopSequencesFieldProps {
  value: string[] | undefined;
  onChange: (value: string[] | undefined) => void;
}

const SLOTS = Array.from({ length: PARAM_LIMITS.stopSequences }, (_, index) => index);

/** Up to four stop sequences, each typed as it should appear; empty boxes are left out. */
export function StopSequencesField({ value, onChange }: StopSequencesFieldProps) {
  const id = useId();
  const [texts, setTexts] = useState(() => SLOTS.map((index) => value?.[index] ?? ''));

  function update(next: string[]) {
    setTexts(next);
    const kept = next.filter((text) => text !== '');
    onChange(kept.length > 0 ? kept : undefined);
  }

  return (
    <fieldset className="param-field stop-sequences">
      <legend>Stop sequences</legend>
      <p id={`${id}-hint`} className="hint">
        The answer ends where one of these would appear. Up to {PARAM_LIMITS.stopSequences}.
      </p>
      <div className="stop-sequence-inputs">
        {SLOTS.map((index) => (
          <input
            key={index}
            type="text"
            aria-label={`Stop sequence ${index + 1}`}
            aria-describedby={`${id}-hint`}
            maxLength={PARAM_LIMITS.stopChars}
            value={texts[index]}
            onChange={(event) => update(texts.map((text, at) => (at === index ? event.target.value : text)))}
          />
        ))}
      </div>
      <button type="button" aria-label="Clear stop sequences" disabled={texts.every((text) => text === '')} onClick={() => update(SLOTS.map(() => ''))}>
        Clear
      </button>
    </fieldset>
  );
}
