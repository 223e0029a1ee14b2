import { useId } from 'react';
import { Modal } from '../../components/Modal';

interface DiscardComparisonProps {
  onKeep: () => void;
  onDiscard: () => void;
}

/** Asked before a comparison's answers are closed away unsaved. */
export function DiscardComparison({ onKeep, onDiscard }: DiscardComparisonProps) {
  const id = useId();
  return (
    <Modal role="alertdialog" labelledBy={`${id}-title`} describedBy={`${id}-message`} onClose={onKeep}>
      <h2 id={`${id}-title`}>Discard this comparison?</h2>
      <p id={`${id}-message`}>Its answers are not saved. Your prompt goes back to the message box.</p>
      <div className="actions">
        <button type="button" data-autofocus onClick={onKeep}>
          Keep comparing
        </button>
        <button type="button" className="danger" onClick={onDiscard}>
          Discard
        </button>
      </div>
    </Modal>
  );
}
