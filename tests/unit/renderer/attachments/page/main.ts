/** The page's own attachment processing (worker included), built by Vite, for the Chromium test to drive. */
import { prepareFile } from '../../../../../renderer/features/attachments/prepareFile';

export type Prepared = { name: string; base64: string; bytes: number; width: number; height: number; cornerPixel: number[] } | { refused: string };

export interface AttachmentPage {
  prepare(base64: string, name: string): Promise<Prepared>;
  violations: string[];
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));

async function prepare(base64: string, name: string): Promise<Prepared> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  try {
    const prepared = await prepareFile(new File([bytes], name), name);
    const out = Uint8Array.from(atob(prepared.base64), (c) => c.charCodeAt(0));
    // What a viewer would show: the decoded size and the colour near the top, three quarters across.
    const bitmap = await createImageBitmap(new Blob([out])).catch(() => null);
    if (!bitmap) return { ...prepared, width: 0, height: 0, cornerPixel: [] };
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context?.drawImage(bitmap, 0, 0);
    const cornerPixel = [...(context?.getImageData(Math.floor((bitmap.width * 3) / 4), 1, 1, 1).data ?? [])];
    return { ...prepared, width: bitmap.width, height: bitmap.height, cornerPixel };
  } catch (error) {
    return { refused: error instanceof Error ? error.message : String(error) };
  }
}

(window as unknown as { attachmentPage: AttachmentPage }).attachmentPage = { prepare, violations };
