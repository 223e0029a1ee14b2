/** Test images drawn by the page's own Chromium (no image library in Node): real PNG and JPEG bytes. */
import type { Page } from '@playwright/test';

/** A `width`×`height` image in `type`: four coloured quarters, or noise (which compresses badly, like a photo). */
export async function drawImage(page: Page, options: { width: number; height: number; type: 'image/png' | 'image/jpeg'; noise?: boolean }): Promise<Buffer> {
  const base64 = await page.evaluate(async ({ width, height, type, noise }) => {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    if (noise) {
      const pixels = context.createImageData(width, height);
      for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = (i * 2654435761) % 251;
      context.putImageData(pixels, 0, 0);
    } else {
      const colours = ['#d22', '#2a2', '#22d', '#dd2'];
      colours.forEach((colour, index) => {
        context.fillStyle = colour;
        context.fillRect((index % 2) * (width / 2), Math.floor(index / 2) * (height / 2), width / 2, height / 2);
      });
    }
    const blob = await canvas.convertToBlob({ type, quality: 0.95 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, options);
  return Buffer.from(base64, 'base64');
}
