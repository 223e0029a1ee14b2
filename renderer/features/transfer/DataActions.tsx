import { SettingsSection } from '../settings/SettingsFields';

interface DataActionsProps {
  /** No conversations yet: nothing to export or select. */
  empty: boolean;
  onImport: () => void;
  onExportAll: () => void;
  onBackUp: () => void;
  onSelect: () => void;
}

/**
 * Moving conversations in and out, in Settings: each closes Settings first, so the dialog it
 * opens (import, export progress) or the selection in the sidebar is in front.
 */
export function DataActions({ empty, onImport, onExportAll, onBackUp, onSelect }: DataActionsProps) {
  return (
    <SettingsSection title="Conversations">
      <p className="hint">Import from ChatGPT or another Parley, export every conversation as Markdown, or back up the whole history.</p>
      <div className="actions start">
        <button type="button" onClick={onImport}>
          Import
        </button>
        <button type="button" disabled={empty} onClick={onExportAll}>
          Export all
        </button>
        <button type="button" onClick={onBackUp}>
          Back up
        </button>
        <button type="button" disabled={empty} onClick={onSelect}>
          Select
        </button>
      </div>
    </SettingsSection>
  );
}
