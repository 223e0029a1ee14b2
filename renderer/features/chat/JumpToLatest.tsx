/** Shown while the person reads higher up: back to the end, following new text again. */
export function JumpToLatest({ onJump }: { onJump: () => void }) {
  return (
    <button type="button" className="jump-to-latest" onClick={onJump}>
      Jump to latest <span aria-hidden="true">↓</span>
    </button>
  );
}
