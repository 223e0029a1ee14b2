import { useState } from 'react';
import { classifyImageUrl } from './safeUrl';

interface MarkdownImageProps {
  src?: string;
  alt?: string;
  title?: string;
}

/**
 * An image from model output. A remote image is a way to send conversation text to any server
 * (in its URL), so it loads only when the user asks, without a referrer. Inline raster data: images
 * reach no server and show at once; any other source shows just its alt text.
 */
export function MarkdownImage({ src = '', alt = '', title }: MarkdownImageProps) {
  const source = classifyImageUrl(src);
  const [loaded, setLoaded] = useState(false);
  if (source.kind === 'inline' || (source.kind === 'remote' && loaded)) {
    return <img className="md-image" src={source.url} alt={alt} title={title} referrerPolicy="no-referrer" />;
  }
  return (
    <span className="md-image-placeholder" title={source.kind === 'remote' ? source.url : undefined}>
      <span className="md-image-alt">{alt === '' ? 'Image' : alt}</span>
      {source.kind === 'remote' && (
        <>
          <span className="md-image-host">{new URL(source.url).host}</span>
          <button type="button" onClick={() => setLoaded(true)}>
            Load image
          </button>
        </>
      )}
    </span>
  );
}
