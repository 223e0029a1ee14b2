import { Icons } from '../../ui/icons';

/** The quiet "Saved" beside a row that has just applied: a live region that is always there, so it is announced. */
export function SavedNote({ saved }: { saved: boolean }) {
  return (
    <span role="status" className="saved-note">
      {saved && (
        <>
          <Icons.connected aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
          Saved
        </>
      )}
    </span>
  );
}
