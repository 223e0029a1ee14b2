import { useRef, useState } from 'react';
import type { KeyStatus } from '../../../shared/ipc';
import { ActionStatus } from '../../components/ActionStatus';
import { useParley } from '../../lib/ParleyContext';
import { useActionStatus } from '../../lib/useActionStatus';
import { KeyForm } from '../setup/KeyForm';
import { SettingsSection } from './SettingsFields';

interface StoredKeyProps {
  keyStatus: KeyStatus;
  onKeyStatus: (status: KeyStatus) => void;
}

/** Settings › Connection: which key is stored and where, with Replace key and Remove key. */
export function StoredKey({ keyStatus, onKeyStatus }: StoredKeyProps) {
  const api = useParley();
  const [replacing, setReplacing] = useState(false);
  const { status, error, run } = useActionStatus();
  const replaceButtonRef = useRef<HTMLButtonElement>(null);

  function removeKey() {
    void run(async () => {
      // Without a key the app goes back to first run, which closes Settings.
      onKeyStatus(await api.removeKey());
      return 'Key removed.';
    });
  }

  return (
    <SettingsSection title="Stored key">
      <p>
        {keyStatus.hint ? `Key ends in ${keyStatus.hint}` : 'A key is stored'}, kept in {keyStatus.backend}.
      </p>
      {!keyStatus.secure && <p className="warning-text">This key is stored without an OS keyring: anyone who can read your files can read it.</p>}
      <div className="actions start">
        <button ref={replaceButtonRef} type="button" onClick={() => setReplacing((open) => !open)} aria-expanded={replacing}>
          Replace key
        </button>
        <button type="button" className="danger" onClick={removeKey}>
          Remove key
        </button>
      </div>
      {replacing && (
        <KeyForm
          autoFocus
          onSaved={(next) => {
            onKeyStatus(next);
            setReplacing(false);
            void run(async () => 'Key saved.');
            // The form (and the focused Save key button) goes away: keep focus in the dialog.
            replaceButtonRef.current?.focus();
          }}
        />
      )}
      <ActionStatus status={status} error={error} />
    </SettingsSection>
  );
}
