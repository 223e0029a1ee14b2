/**
 * A picked, pasted or dropped file made ready for main: its type told from its bytes (never
 * its name), images made smaller in a worker, text files checked to be UTF-8 text. A file
 * Parley cannot take is refused with the reason, before most of it is read: a 50 MB paste is
 * turned away by its size alone.
 */
import { ATTACHMENT_LIMITS } from '../../../shared/attachmentLimits';
import { attachmentProblem, tooLargeInput, tooLargeText, unsupportedType } from '../../../shared/attachmentRules';
import { imageTypeOf, SNIFF_BYTES } from '../../../shared/fileType';
import { base64Of } from '../../lib/base64';
import { processImage } from './processImage';

/** A file Parley will not attach; the message says why. */
export class AttachmentRefused extends Error {
  override readonly name = 'AttachmentRefused';
}

export interface PreparedFile {
  name: string;
  /** What main stores: base64 of the processed bytes. */
  base64: string;
  bytes: number;
}

const bytesOf = async (blob: Blob): Promise<Uint8Array> => new Uint8Array(await blob.arrayBuffer());

/** A pasted screenshot is called "image.png" by the browser; name it by the time instead, as other apps do. */
export function attachmentName(file: File): string {
  return file.name.trim() || `Pasted ${new Date().toISOString().slice(0, 19).replace('T', ' ')}`;
}

async function readable<T>(name: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch {
    throw new AttachmentRefused(`"${name}" could not be read.`);
  }
}

export async function prepareFile(file: File, name = attachmentName(file)): Promise<PreparedFile> {
  if (file.size > ATTACHMENT_LIMITS.inputBytes) throw new AttachmentRefused(tooLargeInput(name, file.size));
  const imageType = imageTypeOf(await readable(name, () => bytesOf(file.slice(0, SNIFF_BYTES))));
  let prepared: Blob;
  if (imageType) {
    try {
      prepared = await processImage({ image: file, type: imageType, maxEdge: ATTACHMENT_LIMITS.maxEdge, maxBytes: ATTACHMENT_LIMITS.imageBytes });
    } catch {
      throw new AttachmentRefused(`"${name}" could not be read as an image; it may be damaged.`);
    }
  } else {
    if (file.size > ATTACHMENT_LIMITS.textBytes) {
      // Only the start is read: a large binary deserves "cannot be attached", a large text "too large".
      const head = await readable(name, () => bytesOf(file.slice(0, 4096)));
      throw new AttachmentRefused(head.includes(0) ? unsupportedType(name) : tooLargeText(name, file.size));
    }
    const problem = attachmentProblem(name, await readable(name, () => bytesOf(file)));
    if (problem) throw new AttachmentRefused(problem);
    prepared = file;
  }
  return { name, base64: await readable(name, () => base64Of(prepared)), bytes: prepared.size };
}
