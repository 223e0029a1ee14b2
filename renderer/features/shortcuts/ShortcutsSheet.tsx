import { useId } from 'react';
import { Modal } from '../../components/Modal';
import { isMacPlatform } from './keys';
import { shortcutRows } from './shortcutList';

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
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          {shortcutRows(isMacPlatform()).map((row) => (
            <tr key={row.action}>
              <th scope="row">{row.action}</th>
              <td>
                <kbd>{row.keys}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
