import './attachments.css';
import { useState, type ReactNode } from 'react';
import { formatBytes } from '../../../shared/attachmentLimits';
import type { Attachment } from '../../../shared/ipc';
import { AttachmentImage } from './AttachmentImage';
import { ImageViewer } from './ImageViewer';

/**
 * One attachment as a small card: an image's thumbnail (a button that opens it large) or a
 * text file's name and size. `children` adds controls, such as the composer's Remove.
 */
export function AttachmentChip({ attachment, children }: { attachment: Attachment; children?: ReactNode }) {
  const [viewing, setViewing] = useState(false);
  return (
    <li className="attachment-chip">
      {attachment.kind === 'image' ? (
        <button type="button" className="attachment-thumbnail-button" aria-label={`View ${attachment.name}`} title={attachment.name} onClick={() => setViewing(true)}>
          <AttachmentImage attachment={attachment} className="attachment-thumbnail" />
        </button>
      ) : (
        <span className="attachment-file" title={attachment.name}>
          <span className="attachment-file-name">{attachment.name}</span>
          <span className="attachment-file-size">{formatBytes(attachment.bytes)}</span>
        </span>
      )}
      {children}
      {viewing && <ImageViewer attachment={attachment} onClose={() => setViewing(false)} />}
    </li>
  );
}

/** A sent message's files, under its text. */
export function MessageAttachments({ attachments }: { attachments: readonly Attachment[] }) {
  return (
    <ul className="attachment-list" aria-label="Attachments">
      {attachments.map((attachment, index) => (
        <AttachmentChip key={`${attachment.file}-${index}`} attachment={attachment} />
      ))}
    </ul>
  );
}
