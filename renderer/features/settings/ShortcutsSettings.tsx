import { ShortcutTable } from '../shortcuts/ShortcutTable';

/** Settings › Shortcuts: the same table as the Keyboard shortcuts sheet (Ctrl/⌘+/). */
export function ShortcutsSettings() {
  return <ShortcutTable />;
}
