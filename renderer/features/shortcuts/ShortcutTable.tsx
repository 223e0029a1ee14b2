import { isMacPlatform } from './keys';
import { shortcutRows } from './shortcutList';

/** Every shortcut with this platform's modifier: the "Keyboard shortcuts" sheet and Settings › Shortcuts. */
export function ShortcutTable() {
  return (
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
  );
}
