import { useState, type ReactNode } from 'react';
import { toAppError } from '../../lib/errors';
import { InsecureKeyConsent } from './InsecureKeyConsent';

export interface KeySave {
  error: string | null;
  setError: (error: string | null) => void;
  saving: boolean;
  /** Runs `store`; a refusal for want of a keyring asks first, then stores again with consent. */
  save: (allowInsecure: boolean) => Promise<void>;
  /** The "No keyring available" question, while it is asked; null otherwise. */
  consent: ReactNode;
}

/**
 * The save flow of a form that stores a key (first run, "Replace key", an endpoint): main refuses
 * with `insecure-storage` when the OS has no keyring, and the user is asked before storing.
 */
export function useKeySave(store: (allowInsecure: boolean) => Promise<void>): KeySave {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [insecureMessage, setInsecureMessage] = useState<string | null>(null);

  async function save(allowInsecure: boolean) {
    setSaving(true);
    setError(null);
    setInsecureMessage(null);
    try {
      await store(allowInsecure);
    } catch (caught) {
      const appError = toAppError(caught);
      if (appError.code === 'insecure-storage') setInsecureMessage(appError.message);
      else setError(appError.message);
    } finally {
      setSaving(false);
    }
  }

  const consent =
    insecureMessage === null ? null : (
      <InsecureKeyConsent message={insecureMessage} onCancel={() => setInsecureMessage(null)} onAgree={() => void save(true)} />
    );
  return { error, setError, saving, save, consent };
}
