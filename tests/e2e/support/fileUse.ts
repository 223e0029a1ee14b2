/**
 * Records, in the page, every way its own thread starts reading or decoding a file of a given
 * name (Blob reads, FileReader, createImageBitmap) and every hand-over of it to a worker: what a
 * spec checks instead of timing frames, which a busy machine makes meaningless.
 */
import type { Page } from '@playwright/test';

type FileUse = string;

export async function recordFileUse(page: Page, fileName: string): Promise<void> {
  await page.evaluate((name) => {
    const uses: FileUse[] = [];
    (window as unknown as { fileUses: FileUse[] }).fileUses = uses;
    const named = (value: unknown) => value instanceof File && value.name === name;
    const watch = (owner: object, method: string, use: string, fileAt: (args: unknown[], self: unknown) => unknown) => {
      const methods = owner as Record<string, (...args: unknown[]) => unknown>;
      const original = methods[method];
      if (!original) return;
      methods[method] = function (this: unknown, ...args: unknown[]) {
        if (named(fileAt(args, this))) uses.push(use);
        return original.apply(this, args);
      };
    };
    for (const method of ['arrayBuffer', 'slice', 'stream', 'text', 'bytes']) watch(Blob.prototype, method, `page read (Blob.${method})`, (_, self) => self);
    for (const method of ['readAsArrayBuffer', 'readAsDataURL', 'readAsText', 'readAsBinaryString']) watch(FileReader.prototype, method, `page read (FileReader.${method})`, ([blob]) => blob);
    watch(window, 'createImageBitmap', 'page decode (createImageBitmap)', ([image]) => image);
    watch(Worker.prototype, 'postMessage', 'handed to a worker', ([message]) => (message as { image?: unknown } | null)?.image);
  }, fileName);
}

/** What the page did with the file since recordFileUse, in order. */
export const fileUses = (page: Page): Promise<FileUse[]> => page.evaluate(() => (window as unknown as { fileUses: FileUse[] }).fileUses.slice());
