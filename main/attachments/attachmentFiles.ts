/**
 * The attachment files under `<data folder>/attachments`, named by the SHA-256 of their bytes:
 * the same image sent twice (or imported again) is one file, and a name says nothing about
 * the conversation it came from. SQLite keeps the references (migration 006); files no
 * message refers to any more are removed at start-up (`removeUnreferenced`).
 *
 * Main checks every file itself, by content and size, whatever the page said about it.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ATTACHMENT_FILE_PATTERN } from '../../shared/attachmentLimits';
import { attachmentProblem, unsupportedType } from '../../shared/attachmentRules';
import type { Attachment } from '../../shared/ipc';
import { detectFileType, extensionOf } from '../../shared/fileType';
import { AppFailure } from '../appFailure';
import { writeFileAtomic } from '../files/writeFileAtomic';

export const ATTACHMENTS_FOLDER = 'attachments';

export interface AttachmentFiles {
  /** Checks and stores a file; the same bytes give the same reference. */
  save(name: string, bytes: Uint8Array): Promise<Attachment>;
  read(file: string): Promise<Buffer>;
  /** Whether the data folder holds the file. */
  has(file: string): Promise<boolean>;
  /** A stored image as a data: URL (what the page shows and the model receives). */
  dataUrl(attachment: Pick<Attachment, 'file' | 'mimeType'>): Promise<string>;
  /** Copies a stored file into `folder` under its own name, unless one is there already (same name, same bytes). */
  copyTo(file: string, folder: string): Promise<void>;
  /** Deletes the stored files not in `referenced` and unchanged since `before` (ms); returns how many went. */
  removeUnreferenced(referenced: ReadonlySet<string>, before: number): Promise<number>;
}

const refused = (message: string): AppFailure => new AppFailure({ code: 'invalid-request', message });

/** A message refers to a file the data folder does not hold (restored from a backup, which keeps no files). */
export class MissingAttachment extends AppFailure {
  constructor() {
    super({ code: 'invalid-request', message: 'An attached file is missing from the data folder, so it cannot be shown, sent or exported.' });
  }
}
const missing = (): AppFailure => new MissingAttachment();
const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

export function createAttachmentFiles(dataDir: string): AttachmentFiles {
  const folder = join(dataDir, ATTACHMENTS_FOLDER);
  const pathOf = (file: string): string => {
    // The contract checks the pattern too; this keeps a path from leaving the folder whatever the caller.
    if (!ATTACHMENT_FILE_PATTERN.test(file)) throw refused('That attachment is not one Parley stored.');
    return join(folder, file);
  };

  async function read(file: string): Promise<Buffer> {
    try {
      return await readFile(pathOf(file));
    } catch (error) {
      throw isMissing(error) ? missing() : error;
    }
  }

  return {
    async save(name, bytes) {
      const type = detectFileType(bytes);
      const problem = attachmentProblem(name, bytes);
      if (problem || !type) throw refused(problem ?? unsupportedType(name));
      const file = `${createHash('sha256').update(bytes).digest('hex')}.${extensionOf(type)}`;
      await mkdir(folder, { recursive: true });
      // Rewritten even when present: its fresh time keeps a clean-up at start-up from taking it.
      await writeFileAtomic(join(folder, file), bytes);
      return { file, name, kind: type.kind, mimeType: type.mimeType, bytes: bytes.length };
    },
    read,
    has: (file) => stat(pathOf(file)).then(() => true, () => false),
    async copyTo(file, destination) {
      try {
        await copyFile(pathOf(file), join(destination, file), constants.COPYFILE_EXCL);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
        throw isMissing(error) ? missing() : error;
      }
    },
    dataUrl: async ({ file, mimeType }) => `data:${mimeType};base64,${(await read(file)).toString('base64')}`,
    async removeUnreferenced(referenced, before) {
      const names = await readdir(folder).catch(() => [] as string[]);
      let removed = 0;
      for (const name of names) {
        if (!ATTACHMENT_FILE_PATTERN.test(name) || referenced.has(name)) continue;
        // A file attached in the composer just now is not referenced yet: only older ones go.
        const info = await stat(join(folder, name)).catch(() => null);
        if (!info || info.mtimeMs >= before) continue;
        // A folder that cannot be written (history open read-only) keeps its files.
        if (await rm(join(folder, name), { force: true }).then(() => true, () => false)) removed += 1;
      }
      return removed;
    },
  };
}
