/**
 * The text of one ChatGPT message, from whatever its content holds. `text` content has string
 * parts; `multimodal_text` (2024 on) mixes strings with objects: `audio_transcription` (what was
 * said in voice mode, `{ text }`), `image_asset_pointer`, `audio_asset_pointer` and
 * `real_time_user_audio_video_asset_pointer` (files the export does not hold). Files a person
 * uploaded are listed in `metadata.attachments` (`{ id, name, mime_type, size }`), whatever the
 * parts say — a file upload alone leaves `parts: [""]`.
 */
import { z } from 'zod';
import type { Notes } from './notes';
import { field, meta, type SourceMessage } from './source';

const attachment = z.looseObject({ name: z.string().min(1), mime_type: z.string().nullish(), size: z.number().nullish() });

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const partType = (part: unknown): string => field(part, 'content_type', z.string()) ?? 'unknown';

/** What the parts say, and what they hold that the export does not. */
interface Parts {
  text: string;
  images: number;
  voice: boolean;
}

function readParts(m: SourceMessage, notes: Notes): Parts {
  const content = m.content as { parts?: unknown; text?: unknown };
  const parts: unknown[] = Array.isArray(content.parts) ? content.parts : typeof content.text === 'string' ? [content.text] : [];
  const texts: string[] = [];
  let images = 0;
  let voice = false;
  for (const part of parts) {
    if (typeof part === 'string') {
      texts.push(part);
      continue;
    }
    const type = partType(part);
    if (type === 'audio_transcription') texts.push(field(part, 'text', z.string()) ?? '');
    else if (type === 'image_asset_pointer') images += 1;
    else if (type.includes('audio') || type.includes('video')) voice = true;
    else notes.add('unknownPart', type);
  }
  if (voice) notes.add('voice');
  return { text: texts.filter((text) => text !== '').join('\n\n'), images, voice };
}

/**
 * A question's text: what was typed or said, then a line for each attached file and image, so the
 * turn says what was sent even when the file cannot come along.
 */
export function questionText(m: SourceMessage, notes: Notes): string {
  const { text, images, voice } = readParts(m, notes);
  const files = (meta(m, 'attachments', z.array(z.unknown())) ?? []).flatMap((item) => {
    const parsed = attachment.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
  const lines = files.map(({ name, mime_type: type, size: bytes }) => {
    notes.add('attachment', name);
    const about = [type, typeof bytes === 'number' ? size(bytes) : null].filter(Boolean).join(', ');
    return `[Attached: ${name}${about ? ` (${about})` : ''}]`;
  });
  // Images are listed as attachments too since 2024; older ones only as parts.
  const unnamed = Math.max(0, images - files.filter((file) => file.mime_type?.startsWith('image/')).length);
  notes.add('image', undefined, unnamed);
  lines.push(...Array.from({ length: unnamed }, () => '[Image]'));
  if (text === '' && lines.length === 0 && voice) lines.push('[Voice message without a transcript]');
  return [text, lines.join('\n')].filter((piece) => piece !== '').join('\n\n');
}

/** An answer's text: texts and transcripts, with a line for each image it made (which the export does not hold). */
export function answerText(m: SourceMessage, notes: Notes): string {
  const { text, images } = readParts(m, notes);
  notes.add('generatedImage', undefined, images);
  return [text, ...Array.from({ length: images }, () => '[Generated image]')].filter((piece) => piece !== '').join('\n\n');
}
