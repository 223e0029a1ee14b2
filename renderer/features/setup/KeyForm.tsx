import { useId, useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import type { KeyStatus } from '../../../shared/ipc';
import { useKeySave } from './useKeySave';
import { useParley } from '../../lib/ParleyContext';

export const API_KEY_URL = 'https://wandb.ai/authorize';

interface KeyFormProps {
  onSaved: (status: KeyStatus) => void;
  /** Runs before the key is saved (first run saves the team/project with it); a throw stops the save. */
  beforeSave?: () => Promise<void>;
  /** Fields shown between the key and the button. */
  children?: ReactNode;
  autoFocus?: boolean;
}

/**
 * The API key field and its save flow, shared by first run and "Replace key". When the
 * OS has no keyring, main refuses with `insecure-storage` and we ask before storing.
 */
export function KeyForm({ onSaved, beforeSave, children, autoFocus = false }: KeyFormProps) {
  const api = useParley();
  const id = useId();
  const [key, setKey] = useState('');
  const { error, setError, saving, save, consent } = useKeySave(async (allowInsecure) => {
    await beforeSave?.();
    const status = await api.saveKey(allowInsecure ? { key: key.trim(), allowInsecure: true } : { key: key.trim() });
    setKey('');
    onSaved(status);
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (key.trim() === '') {
      setError('Enter your API key.');
      return;
    }
    void save(false);
  }

  function openKeyPage(event: MouseEvent) {
    // The window never navigates: main opens the page in the system browser.
    event.preventDefault();
    void api.openLink({ url: API_KEY_URL });
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <div className="field">
        <div className="field-label-row">
          <label htmlFor={`${id}-key`}>API key</label>
          <a href={API_KEY_URL} onClick={openKeyPage}>
            Get an API key
          </a>
        </div>
        <input
          id={`${id}-key`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          value={key}
          onChange={(event) => setKey(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      {children}
      {error && (
        <p id={`${id}-error`} role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          Save key
        </button>
      </div>
      {consent}
    </form>
  );
}
