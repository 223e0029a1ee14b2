import { useId } from 'react';
import { Modal } from '../../components/Modal';
import { ShortcutTable } from './ShortcutTable';

/** The "Keyboard shortcuts" sheet: every shortcut, with this platform's modifier. */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const id = useId();
  return (
    <Modal labelledBy={`${id}-title`} onClose={onClose} className="shortcuts-sheet">
      <div className="modal-header">
        <h2 id={`${id}-title`}>Keyboard shortcuts</h2>
        <button type="button" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
      <ShortcutTable />
    </Modal>
  );
}
