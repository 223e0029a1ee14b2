import { useCallback, useEffect, useState } from 'react';
import { useRemoteImages } from './remoteImages';
import { classifyImageUrl } from './safeUrl';

interface MarkdownImageProps {
  src?: string;
  alt?: string;
  title?: string;
}

type RemoteState = { kind: 'waiting' } | { kind: 'loading' } | { kind: 'shown'; url: string } | { kind: 'failed'; reason: string };

/**
 * An image from model output. A remote image is a way to send conversation text to any server
 * (in its URL), so it loads only when the user asks (or has said so in Settings), fetched by
 * main without a referrer. Inline raster data: images reach no server and show at once; any
 * other source shows just its alt text.
 */
export function MarkdownImage({ src = '', alt = '', title }: MarkdownImageProps) {
  const source = classifyImageUrl(src);
  const remoteImages = useRemoteImages();
  const remoteUrl = source.kind === 'remote' ? source.url : null;
  const automatic = remoteImages.automatic && remoteUrl !== null;
  const [remote, setRemote] = useState<RemoteState>({ kind: automatic ? 'loading' : 'waiting' });

  const fetchImage = useCallback(() => {
    if (remoteUrl === null) return;
    remoteImages.load(remoteUrl).then(
      (url) => setRemote({ kind: 'shown', url }),
      (error: unknown) => setRemote({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }),
    );
  }, [remoteImages, remoteUrl]);
  const load = () => {
    setRemote({ kind: 'loading' });
    fetchImage();
  };

  // The user chose to load remote images without asking each time.
  useEffect(() => {
    if (automatic) fetchImage();
  }, [automatic, fetchImage]);

  if (source.kind === 'inline') return <img className="md-image" src={source.url} alt={alt} title={title} referrerPolicy="no-referrer" />;
  if (remote.kind === 'shown') return <img className="md-image" src={remote.url} alt={alt} title={title} referrerPolicy="no-referrer" />;
  return (
    <span className="md-image-placeholder" title={remoteUrl ?? undefined}>
      <span className="md-image-alt">{alt === '' ? 'Image' : alt}</span>
      {remoteUrl !== null && (
        <>
          <span className="md-image-host">{new URL(remoteUrl).host}</span>
          <button type="button" onClick={load} disabled={remote.kind === 'loading'}>
            {remote.kind === 'loading' ? 'Loading image…' : 'Load image'}
          </button>
          {remote.kind === 'failed' && (
            <span role="alert" className="md-image-error">
              {remote.reason}
            </span>
          )}
        </>
      )}
    </span>
  );
}
