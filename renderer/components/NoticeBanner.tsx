import type { Notice } from '../../preload/contract';

export function NoticeBanner({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  return (
    <div role="status" className={`notice notice-${notice.level}`}>
      <p>{notice.message}</p>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
