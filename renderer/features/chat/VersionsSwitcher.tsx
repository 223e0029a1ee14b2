import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';

interface VersionsSwitcherProps {
  /** 0-based index of the version shown. */
  shown: number;
  count: number;
  onShow: (index: number) => void;
}

/** `‹ 2 / 3 ›`: browses a message's versions, oldest first; the last one is the current message. */
export function VersionsSwitcher({ shown, count, onShow }: VersionsSwitcherProps) {
  return (
    <div className="versions" role="group" aria-label="Versions">
      <IconButton size="sm" icon={Icons.previous} label="Previous version" disabled={shown === 0} onClick={() => onShow(shown - 1)} />
      <span className="versions-count" aria-label={`Version ${shown + 1} of ${count}`}>
        {shown + 1}/{count}
      </span>
      <IconButton size="sm" icon={Icons.next} label="Next version" disabled={shown === count - 1} onClick={() => onShow(shown + 1)} />
    </div>
  );
}
