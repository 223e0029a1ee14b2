import { useId } from 'react';
import { Modal } from '../../components/Modal';

interface InsecureKeyConsentProps {
  /** Main's explanation of why the key could only be obfuscated. */
  message: string;
  onCancel: () => void;
  onAgree: () => void;
}

/** Asks before a key is stored without an OS keyring (main refused with `insecure-storage`). */
export function InsecureKeyConsent({ message, onCancel, onAgree }: InsecureKeyConsentProps) {
  const id = useId();
  return (
    <Modal role="alertdialog" labelledBy={`${id}-title`} describedBy={`${id}-message`} onClose={onCancel}>
      <h2 id={`${id}-title`}>No keyring available</h2>
      <p id={`${id}-message`}>{message}</p>
      <div className="actions">
        <button type="button" data-autofocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onAgree}>
          Store anyway
        </button>
      </div>
    </Modal>
  );
}
