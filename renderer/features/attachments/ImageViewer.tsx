import { useId } from 'react';
import type { Attachment } from '../../../shared/ipc';
import { Modal } from '../../components/Modal';
import { AttachmentImage } from './AttachmentImage';

/** An attached image, large: as big as the window allows, at most its own size. */
export function ImageViewer({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const id = useId();
  return (
    <Modal labelledBy={`${id}-title`} onClose={onClose} className="image-viewer">
      <div className="modal-header">
        <h2 id={`${id}-title`}>{attachment.name}</h2>
        <button type="button" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
      <AttachmentImage attachment={attachment} className="image-viewer-image" />
    </Modal>
  );
}
