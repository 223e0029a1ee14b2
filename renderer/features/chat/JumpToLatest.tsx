import { Icons } from '../../ui/icons';

/** Shown while the person reads higher up: back to the end, following new text again. */
export function JumpToLatest({ onJump }: { onJump: () => void }) {
  return (
    <button type="button" className="jump-to-latest" onClick={onJump}>
      <Icons.jumpToLatest aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
      Jump to latest
    </button>
  );
}
