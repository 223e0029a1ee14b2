import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Settings } from '../../../shared/ipc';
import { FieldError } from '../setup/FieldError';
import { SavedNote } from './SavedNote';
import { useSettings } from './settingsContext';
import { useSaveSetting } from './useSaveSetting';

/** The settings whose value is of type T. */
type SettingOf<T> = { [K in keyof Settings]: Settings[K] extends T ? K : never }[keyof Settings];

/** A titled group of settings inside a section's page. */
export function SettingsSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{title}</h4>
      {children}
    </section>
  );
}

interface SelectFieldProps<K extends SettingOf<string>> {
  setting: K;
  label: string;
  options: readonly { value: Settings[K]; label: string }[];
}

/** A choice that applies (and previews) the moment it is made. */
export function SelectField<K extends SettingOf<string>>({ setting, label, options }: SelectFieldProps<K>) {
  const id = useId();
  const { value } = useSettings();
  const { save, saved, error } = useSaveSetting();
  return (
    <div className="settings-row">
      <div className="settings-row-head">
        <label htmlFor={id}>{label}</label>
        <SavedNote saved={saved} />
      </div>
      <select
        id={id}
        value={value[setting]}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => void save({ [setting]: event.target.value }, { preview: true })}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </div>
  );
}

interface CheckboxFieldProps {
  setting: SettingOf<boolean>;
  label: string;
  hint: string;
}

/** A switch that applies the moment it is flipped. */
export function CheckboxField({ setting, label, hint }: CheckboxFieldProps) {
  const id = useId();
  const { value } = useSettings();
  const { save, saved, error } = useSaveSetting();
  return (
    <div className="checkbox-field">
      <input
        id={id}
        type="checkbox"
        checked={value[setting]}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(event) => void save({ [setting]: event.target.checked }, { preview: true })}
      />
      <div className="settings-row-head">
        <label htmlFor={id}>{label}</label>
        <SavedNote saved={saved} />
      </div>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </div>
  );
}

interface TextFieldProps {
  setting: SettingOf<string>;
  label: string;
  hint?: string;
  type?: 'text' | 'url';
  placeholder?: string;
}

/**
 * A typed setting: applied when the field is left or Enter (or Escape, which closes Settings) is
 * pressed, trimmed. A value main refuses stays in the field with the reason under it.
 */
export function TextField({ setting, label, hint, type = 'text', placeholder }: TextFieldProps) {
  const id = useId();
  const savedValue = useSettings().value[setting];
  const { save, saved, error } = useSaveSetting();
  const [draft, setDraft] = useState(savedValue);
  // A change from elsewhere (a restore, the model picker) replaces the draft; the field keeps focus.
  const [shownValue, setShownValue] = useState(savedValue);
  if (savedValue !== shownValue) {
    setShownValue(savedValue);
    setDraft(savedValue);
  }
  function commit() {
    const next = draft.trim();
    if (next !== savedValue) void save({ [setting]: next });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      commit();
    }
  }

  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="settings-row">
      <div className="settings-row-head">
        <label htmlFor={id}>{label}</label>
        <SavedNote saved={saved} />
      </div>
      <input
        id={id}
        type={type}
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </div>
  );
}
