interface VersionsSwitcherProps {
  /** 0-based index of the version shown. */
  shown: number;
  count: number;
  onShow: (index: number) => void;
}

/** `‹ 2/3 ›`: browses a message's versions, oldest first; the last one is the current message. */
export function VersionsSwitcher({ shown, count, onShow }: VersionsSwitcherProps) {
  return (
    <div className="versions" role="group" aria-label="Versions">
      <button type="button" className="icon-button" aria-label="Previous version" disabled={shown === 0} onClick={() => onShow(shown - 1)}>
        ‹
      </button>
      <span aria-label={`Version ${shown + 1} of ${count}`}>
        {shown + 1}/{count}
      </span>
      <button type="button" className="icon-button" aria-label="Next version" disabled={shown === count - 1} onClick={() => onShow(shown + 1)}>
        ›
      </button>
    </div>
  );
}
