import { useId } from 'react';
import { Modal } from '../../components/Modal';

interface LinkConfirmationProps {
  url: string;
  /** Where the link really goes: its host, or the address of a mailto. */
  destination: string;
  /** The other host its text or title shows. */
  claimed: string;
  onOpen: () => void;
  onCancel: () => void;
}

/** Asked before opening a link whose text or title names another host than the one it opens. */
export function LinkConfirmation({ url, destination, claimed, onOpen, onCancel }: LinkConfirmationProps) {
  const id = useId();
  return (
    <Modal role="alertdialog" labelledBy={`${id}-title`} describedBy={`${id}-message`} onClose={onCancel} className="link-confirmation">
      <h2 id={`${id}-title`}>Open {destination}?</h2>
      <div id={`${id}-message`}>
        <p>
          This link shows <strong>{claimed}</strong>, but it opens <strong>{destination}</strong>:
        </p>
        <p className="link-confirmation-url">{url}</p>
      </div>
      <div className="actions">
        <button type="button" data-autofocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onOpen}>
          Open {destination}
        </button>
      </div>
    </Modal>
  );
}
