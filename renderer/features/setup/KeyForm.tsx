import { useEffect, useId, useRef, useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import type { KeyStatus } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { Icons } from '../../ui/icons';
import { FieldError } from './FieldError';
import { SecretInput } from './SecretInput';
import { useKeySave } from './useKeySave';

export const API_KEY_URL = 'https://wandb.ai/authorize';

interface KeyFormProps {
  onSaved: (status: KeyStatus) => void;
  /**
   * Runs before the key is saved (first run saves the team/project and checks the key); a throw
   * stops the save, and its message is shown under the field.
   */
  beforeSave?: (key: string) => Promise<void>;
  /** Fields shown between the key and the button. */
  children?: ReactNode;
  autoFocus?: boolean;
  /** The button's label while `beforeSave` and the save run. */
  busyLabel?: string;
}

/**
 * The API key field and its save flow, shared by first run and "Replace key". When the
 * OS has no keyring, main refuses with `insecure-storage` and we ask before storing.
 */
export function KeyForm({ onSaved, beforeSave, children, autoFocus = false, busyLabel }: KeyFormProps) {
  const api = useParley();
  const id = useId();
  const keyField = useRef<HTMLInputElement>(null);
  const [key, setKey] = useState('');
  const { error, setError, saving, save, consent } = useKeySave(async (allowInsecure) => {
    await beforeSave?.(key.trim());
    const status = await api.saveKey(allowInsecure ? { key: key.trim(), allowInsecure: true } : { key: key.trim() });
    setKey('');
    onSaved(status);
  });

  // A refused key is corrected where it was typed.
  useEffect(() => {
    if (error !== null) keyField.current?.focus();
  }, [error]);

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
          <a href={API_KEY_URL} onClick={openKeyPage} className="external-link">
            Get an API key
            <Icons.external aria-hidden="true" focusable="false" size={14} strokeWidth={1.75} />
          </a>
        </div>
        <SecretInput
          ref={keyField}
          id={`${id}-key`}
          autoFocus={autoFocus}
          value={key}
          onChange={(event) => setKey(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
      </div>
      {children}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving && busyLabel ? busyLabel : 'Save key'}
        </button>
      </div>
      {consent}
    </form>
  );
}
