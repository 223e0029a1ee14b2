import { useId } from 'react';
import { Modal } from '../../components/Modal';

/** Asked before images go to a model Parley knows reads text only. */
export function ImageWarning({ model, onSend, onCancel }: { model: string; onSend: () => void; onCancel: () => void }) {
  const id = useId();
  return (
    <Modal role="alertdialog" labelledBy={`${id}-title`} describedBy={`${id}-text`} onClose={onCancel} className="image-warning">
      <h2 id={`${id}-title`}>This model does not read images</h2>
      <p id={`${id}-text`}>
        {model} takes text only, so the server will probably refuse this message. Choose a model that reads images (marked Vision), or
        send it anyway.
      </p>
      <div className="actions">
        <button type="button" onClick={onCancel} data-autofocus>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onSend}>
          Send anyway
        </button>
      </div>
    </Modal>
  );
}
