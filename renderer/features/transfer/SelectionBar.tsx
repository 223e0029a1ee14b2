interface SelectionBarProps {
  count: number;
  onExport: () => void;
  onCancel: () => void;
}

/** Selection mode's bar: how many conversations are ticked, exporting them, and leaving the mode. */
export function SelectionBar({ count, onExport, onCancel }: SelectionBarProps) {
  return (
    <div className="selection-bar">
      <span role="status">{count} selected</span>
      <button type="button" className="primary" disabled={count === 0} onClick={onExport}>
        Export selected
      </button>
      <button type="button" onClick={onCancel}>
        Cancel selection
      </button>
    </div>
  );
}
