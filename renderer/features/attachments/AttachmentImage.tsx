import { useEffect, useState } from 'react';
import type { Attachment } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';

/**
 * A stored image, read from main as a data: URL (the CSP allows no other source for it), so it
 * shows offline and after a restart. Until it arrives, a placeholder of the same size.
 */
export function AttachmentImage({ attachment, className }: { attachment: Attachment; className: string }) {
  const api = useParley();
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    api.readAttachment({ file: attachment.file }).then(
      (result) => live && setDataUrl(result.dataUrl),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [api, attachment.file]);
  if (failed) return <span className={`${className} attachment-missing`}>Image missing</span>;
  return dataUrl ? <img className={className} src={dataUrl} alt={attachment.name} /> : <span className={`${className} attachment-loading`} aria-label={`Loading ${attachment.name}`} />;
}
