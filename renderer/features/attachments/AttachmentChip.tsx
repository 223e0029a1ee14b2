import './attachments.css';
import { useState, type ReactNode } from 'react';
import { formatBytes } from '../../../shared/attachmentLimits';
import type { Attachment } from '../../../shared/ipc';
import { AttachmentImage } from './AttachmentImage';
import { ImageViewer } from './lazy';

/**
 * One attachment as a small card: an image's thumbnail (a button that opens it large) or a
 * text file's name and size. `children` adds controls, such as the composer's Remove. A file
 * the data folder does not hold (restored from a backup) shows its name and that it is missing.
 */
export function AttachmentChip({ attachment, missing = false, children }: { attachment: Attachment; missing?: boolean; children?: ReactNode }) {
  const [viewing, setViewing] = useState(false);
  return (
    <li className="attachment-chip">
      {missing ? (
        <span className="attachment-file attachment-gone" title={`${attachment.name}: the file is not in Parley's data folder`}>
          <span className="attachment-file-name">{attachment.name}</span>
          <span className="attachment-file-size">File missing</span>
        </span>
      ) : attachment.kind === 'image' ? (
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

/** A sent message's files, under its text; `missing`: stored names of those the data folder does not hold. */
export function MessageAttachments({ attachments, missing = [] }: { attachments: readonly Attachment[]; missing?: readonly string[] }) {
  return (
    <ul className="attachment-list" aria-label="Attachments">
      {attachments.map((attachment, index) => (
        <AttachmentChip key={`${attachment.file}-${index}`} attachment={attachment} missing={missing.includes(attachment.file)} />
      ))}
    </ul>
  );
}
