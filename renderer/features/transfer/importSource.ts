import type { ImportReport } from '../../../shared/ipc';
import { LIMITS } from '../../../shared/limits';
import { EXPORTED_ATTACHMENT_PATH } from '../../../shared/attachmentLimits';
import { base64Of } from '../../lib/base64';

/** A file the person chose or dropped, with its path inside the chosen folder (its name when alone). */
export interface PickedFile {
  file: File;
  path: string;
}

export interface ImportRequest {
  files: { name: string; content: string }[];
  /** Files left out before asking main, with why. */
  skipped: ImportReport['skipped'];
}

const IMPORTABLE = /\.(md|markdown|json)$/i;

export function pickedFromList(files: Iterable<File>): PickedFile[] {
  // A folder chosen with the folder picker names each file by its path inside that folder.
  return [...files].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

/** Reads the Markdown and JSON files; anything else is reported as skipped, not silently dropped. */
export async function readImportable(picked: readonly PickedFile[]): Promise<ImportRequest> {
  const request: ImportRequest = { files: [], skipped: [] };
  const outcomes = await Promise.all(
    picked.map(async ({ file, path }): Promise<{ read: ImportRequest['files'][number] } | { skip: ImportRequest['skipped'][number] }> => {
      // Attachments an export wrote next to its Markdown go along, as base64, for main to store again.
      const attachment = EXPORTED_ATTACHMENT_PATH.test(path);
      if (!IMPORTABLE.test(path) && !attachment) return { skip: { source: path, reason: 'not a Markdown or JSON file' } };
      try {
        return { read: { name: path, content: attachment ? await base64Of(file) : await file.text() } };
      } catch (failure) {
        return { skip: { source: path, reason: `could not be read (${failure instanceof Error ? failure.message : String(failure)})` } };
      }
    }),
  );
  // In the order picked, whatever order the reads finished in.
  for (const outcome of outcomes) {
    if ('read' in outcome) request.files.push(outcome.read);
    else request.skipped.push(outcome.skip);
  }
  return request;
}

/** Why main would refuse these files in one import, in words; null when they fit. */
export function sizeProblem(files: ImportRequest['files']): string | null {
  if (files.length > LIMITS.importFiles) {
    return `Too many files for one import: ${files.length.toLocaleString()} (at most ${LIMITS.importFiles.toLocaleString()}). Import them in smaller groups.`;
  }
  const chars = files.reduce((sum, file) => sum + file.content.length, 0);
  if (chars > LIMITS.importChars) {
    const millions = (count: number) => `${Math.ceil(count / 1_000_000)} million characters`;
    return `These files are too large for one import: ${millions(chars)} (at most ${millions(LIMITS.importChars)}). Import them in smaller groups.`;
  }
  return null;
}
