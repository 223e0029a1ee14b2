/**
 * An image made fit to send: at most `maxEdge` pixels on its longest side and `maxBytes` in
 * size, re-encoded, which drops EXIF and every other metadata block (camera, GPS). Orientation
 * is applied first (`from-image`), so a phone photo stays upright without its EXIF tag.
 *
 * Photos (JPEG) stay JPEG; PNG, WebP and GIF (its first frame) become PNG, which keeps
 * transparency and crisp screenshot text, or WebP when the PNG is too large. If no encoding
 * fits, the image is scaled down further.
 */
import type { ImageType } from '../../../shared/attachmentLimits';

export interface DownscaleRequest {
  image: Blob;
  type: ImageType;
  maxEdge: number;
  maxBytes: number;
}

type Encoding = { type: ImageType; quality?: number };

const PHOTO: Encoding[] = [{ type: 'image/jpeg', quality: 0.9 }, { type: 'image/jpeg', quality: 0.8 }, { type: 'image/jpeg', quality: 0.65 }];
const GRAPHIC: Encoding[] = [{ type: 'image/png' }, { type: 'image/webp', quality: 0.9 }, { type: 'image/webp', quality: 0.75 }];

/** Each round that fits no encoding scales the image down by this much more. */
const SHRINK = 0.7;
const ROUNDS = 6;

export async function downscaleImage({ image, type, maxEdge, maxBytes }: DownscaleRequest): Promise<Blob> {
  const bitmap = await createImageBitmap(image, { imageOrientation: 'from-image' });
  try {
    let scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height));
    for (let round = 0; round < ROUNDS; round++, scale *= SHRINK) {
      const width = Math.max(1, Math.round(bitmap.width * scale));
      const height = Math.max(1, Math.round(bitmap.height * scale));
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2D canvas');
      context.imageSmoothingQuality = 'high';
      context.drawImage(bitmap, 0, 0, width, height);
      for (const encoding of type === 'image/jpeg' ? PHOTO : GRAPHIC) {
        const blob = await canvas.convertToBlob(encoding);
        // A browser that cannot write WebP hands back PNG: that one was tried already.
        if (blob.type === encoding.type && blob.size <= maxBytes) return blob;
      }
    }
    throw new Error('the image stays too large');
  } finally {
    bitmap.close();
  }
}
