/**
 * Image processing in real Chromium, built by Vite and served under the app's CSP: images are
 * scaled to 2048 px on the long edge and under 4 MB, EXIF is gone but its orientation applied,
 * and types come from content.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../bench/markdown/launchChromium';
import { servePage, type ServedPage } from '../../../../bench/markdown/servePage';
import { drawImage } from '../../../fixtures/drawnImages';
import type { AttachmentPage, Prepared } from './page/main';

let served: ServedPage;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await servePage(path.join(import.meta.dirname, 'page'));
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(served.url);
  await page.waitForFunction(() => 'attachmentPage' in window);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

type Ready = Exclude<Prepared, { refused: string }>;

const prepare = (bytes: Buffer, name: string): Promise<Prepared> =>
  page.evaluate(([base64, fileName]) => (window as unknown as { attachmentPage: AttachmentPage }).attachmentPage.prepare(base64, fileName), [bytes.toString('base64'), name] as const);

async function ready(bytes: Buffer, name: string): Promise<Ready & { out: Buffer }> {
  const result = await prepare(bytes, name);
  if ('refused' in result) throw new Error(result.refused);
  return { ...result, out: Buffer.from(result.base64, 'base64') };
}

const draw = (width: number, height: number, type: 'image/png' | 'image/jpeg', noise = false): Promise<Buffer> => drawImage(page, { width, height, type, noise });

/** The JPEG with an EXIF block after its start marker: an orientation tag and a tell-tale note (as GPS data would be). */
function withExif(jpeg: Buffer, orientation: number, note: string): Buffer {
  const ifd = Buffer.alloc(18);
  ifd.writeUInt16BE(1, 0); // one entry
  ifd.writeUInt16BE(0x0112, 2); // Orientation
  ifd.writeUInt16BE(3, 4); // SHORT
  ifd.writeUInt32BE(1, 6);
  ifd.writeUInt16BE(orientation, 10);
  ifd.writeUInt32BE(0, 14); // no next IFD
  const tiff = Buffer.concat([Buffer.from('MM\0*'), Buffer.from([0, 0, 0, 8]), ifd, Buffer.from(note)]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1]), length, payload, jpeg.subarray(2)]);
}

const pngSize = (png: Buffer): [number, number] => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('attachment images in Chromium under the app CSP', { timeout: 60_000 }, () => {
  it('scales a wide screenshot to 2048 px on its long edge and keeps it PNG', async () => {
    const result = await ready(await draw(3000, 1000, 'image/png'), 'wide.png');
    expect(result.out.subarray(1, 4).toString()).toBe('PNG');
    expect(pngSize(result.out)).toEqual([2048, 683]);
    expect(result.bytes).toBe(result.out.length);
  });

  it('leaves a small image its size', async () => {
    const result = await ready(await draw(120, 80, 'image/png'), 'small.png');
    expect(pngSize(result.out)).toEqual([120, 80]);
  });

  it('removes EXIF (and what it carries) but turns a phone photo upright first', async () => {
    const photo = withExif(await draw(40, 20, 'image/jpeg'), 6, 'GPS 48.8584N 2.2945E');
    expect(photo.includes(Buffer.from('Exif'))).toBe(true);
    const result = await ready(photo, 'IMG_0001.jpg');
    expect(result.out.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(result.out.includes(Buffer.from('Exif'))).toBe(false);
    expect(result.out.includes(Buffer.from('GPS 48.8584N'))).toBe(false);
    // Orientation 6 is "rotate 90° clockwise": the 40×20 picture stands 20×40, its top-left (red) quarter now top right.
    expect([result.width, result.height]).toEqual([20, 40]);
    const [red, green, blue] = result.cornerPixel;
    expect(red).toBeGreaterThan(200);
    expect(green).toBeLessThan(80);
    expect(blue).toBeLessThan(80);
  });

  it('a photo-like PNG too large for 4 MB becomes a smaller encoding, never an oversized file', async () => {
    const result = await ready(await draw(2400, 2400, 'image/png', true), 'noise.png');
    expect(result.bytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(result.out.subarray(8, 12).toString()).toBe('WEBP');
    expect(Math.max(result.width, result.height)).toBeLessThanOrEqual(2048);
  });

  it('decides by content: a PNG named .txt is an image, text named .png is text, a binary named .csv is refused', async () => {
    const image = await ready(await draw(10, 10, 'image/png'), 'notes.txt');
    expect(image.out.subarray(1, 4).toString()).toBe('PNG');
    const text = await ready(Buffer.from('just words\n'), 'photo.png');
    expect(text.out.toString()).toBe('just words\n');
    expect(await prepare(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 9]), 'table.csv')).toEqual({ refused: expect.stringContaining('"table.csv" cannot be attached') });
    expect(await prepare(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), 'broken.png')).toEqual({
      refused: '"broken.png" could not be read as an image; it may be damaged.',
    });
  });

  it('breaks no CSP rule (the worker is the app’s own script)', async () => {
    expect(await page.evaluate(() => (window as unknown as { attachmentPage: AttachmentPage }).attachmentPage.violations)).toEqual([]);
  });
});
