import './attachments.css';
import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';
import { AttachmentChip } from './AttachmentChip';
import type { DraftAttachments } from './useAttachments';

/** The composer's files (each with Remove), files still being made ready, and why any were refused. */
export function DraftAttachmentTray({ draft }: { draft: DraftAttachments }) {
  const { items, refusals, remove, dismissRefusals } = draft;
  if (items.length === 0 && refusals.length === 0) return null;
  return (
    <div className="attachment-tray">
      {items.length > 0 && (
        <ul className="attachment-list" aria-label="Files to send">
          {items.map((item) =>
            item.status === 'ready' ? (
              <AttachmentChip key={item.key} attachment={item.attachment}>
                <IconButton size="sm" className="attachment-remove" icon={Icons.close} label={`Remove ${item.name}`} onClick={() => remove(item.key)} />
              </AttachmentChip>
            ) : (
              <li key={item.key} className="attachment-chip attachment-processing" aria-busy="true">
                <Icons.loading className="attachment-spinner" aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
                <span className="attachment-file-name">Preparing {item.name}…</span>
                <IconButton size="sm" className="attachment-remove" icon={Icons.close} label={`Remove ${item.name}`} onClick={() => remove(item.key)} />
              </li>
            ),
          )}
        </ul>
      )}
      {refusals.length > 0 && (
        <div role="alert" className="attachment-refusals">
          <ul>
            {refusals.map((reason, index) => (
              <li key={index}>{reason}</li>
            ))}
          </ul>
          <button type="button" onClick={dismissRefusals}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
