/** "Drop to import" over the whole window while files are dragged over it; a live region, so it is announced. */
export function DropOverlay({ active }: { active: boolean }) {
  return (
    <div role="status" className="drop-region">
      {active && (
        <div className="drop-overlay">
          <p>Drop to import</p>
        </div>
      )}
    </div>
  );
}
