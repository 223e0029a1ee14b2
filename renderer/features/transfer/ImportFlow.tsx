import { DropOverlay } from './DropOverlay';
import { ImportDialog } from './lazy';
import type { ImportFlowState } from './useImportFlow';

/** What importing draws over the window: the Import dialog while it is open, the drop target while files are dragged over. */
export function ImportFlow({ flow }: { flow: ImportFlowState }) {
  return (
    <>
      {flow.state.open && <ImportDialog state={flow.state} onDuplicates={flow.setDuplicates} onFiles={flow.importPicked} onStop={flow.stop} onClose={flow.close} />}
      <DropOverlay active={flow.dragging} />
    </>
  );
}
