/** The export and import table: Markdown, backups, folders, and files dropped on the window. */
import { z } from 'zod';
import { LIMITS } from '../limits';
import { call, emptySchema, returns } from './call';
import { changed } from './changes';
import type { AppError } from './errors';
import { idSchema } from './fields';
import type { SettingsPatch } from './settings';

/** A file main wrote, or, where main cannot show a save dialog (web mode), one for the page to download. */
export interface SavedFile {
  /** Where it was written; null when the user cancelled the dialog or a download is offered instead. */
  savedTo: string | null;
  download: { fileName: string; mimeType: string; content: string } | null;
}

export interface FolderExportStatus {
  /** The folder the files go to. */
  folder: string;
  done: number;
  total: number;
  finished: boolean;
  cancelled: boolean;
  written: number;
  skipped: { id: string; reason: string }[];
  error: AppError | null;
}

export interface ImportReport {
  /** `notes`: what of the conversation was left out or changed (a ChatGPT import), one sentence each. */
  imported: { id: string; title: string; notes?: string[] }[];
  skipped: { source: string; reason: string }[];
  /** What else happened, in sentences: endpoints a backup put back, attachment files not here. */
  notes?: string[];
  /** A backup's settings (never keys), offered to restore; absent when the files held none. */
  settings?: { source: string; settings: SettingsPatch };
}

/** "Back up": the file, and the conversations that could not be read (a damaged history) and so are not in it. */
export type BackupResult = SavedFile & { unreadable: { id: string; title: string }[] };

/** How far an import of a large file has got. */
export interface ImportProgress {
  /** Bytes of the file main has read. */
  bytes: number;
  imported: number;
  skipped: number;
  /** The conversations this piece stored, for the change main announces. */
  storedIds: string[];
}

/** The conversations and messages an import stored; nothing when it stored none. */
const storedChanges = (ids: readonly string[]) => (ids.length === 0 ? [] : [changed('conversations', ids), changed('messages', ids)]);

export const exportConversationSchema = z.object({ id: idSchema }).strict();
export const folderExportSchema = z.object({ ids: z.array(idSchema).max(1_000_000).nullable() }).strict();
export const exportJobSchema = z.object({ jobId: idSchema }).strict();
export const importFilesSchema = z
  .object({
    files: z
      .array(z.object({ name: z.string().min(1).max(LIMITS.fileNameChars), content: z.string() }).strict())
      .min(1)
      .max(LIMITS.importFiles)
      .refine((files) => files.reduce((sum, file) => sum + file.content.length, 0) <= LIMITS.importChars, 'the files are too large for one import'),
    /** What to do with conversations whose id is already stored. */
    duplicates: z.enum(['skip', 'replace']),
  })
  .strict();

export const importBeginSchema = z.object({ name: z.string().min(1).max(LIMITS.fileNameChars), duplicates: z.enum(['skip', 'replace']) }).strict();
export const importChunkSchema = z
  .object({ jobId: idSchema, data: z.string().max(LIMITS.importChunkChars).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64') })
  .strict();

export const transferCalls = {
  /** "Export as Markdown": a save dialog in the app, a download in web mode. */
  exportConversation: call({ channel: 'export:conversation', request: exportConversationSchema, response: returns<SavedFile>() }),
  /** "Copy as Markdown": the same text, for the clipboard. */
  conversationMarkdown: call({ channel: 'export:markdownText', request: exportConversationSchema, response: returns<{ markdown: string }>() }),
  /** "Back up": everything but secrets in one JSON file. */
  backUp: call({ channel: 'export:backup', request: emptySchema, response: returns<BackupResult>() }),
  /** Exports the given conversations (null: all) into a folder the user picks; null jobId when they cancel. */
  startFolderExport: call({ channel: 'export:folderStart', request: folderExportSchema, response: returns<{ jobId: string | null }>() }),
  folderExportStatus: call({ channel: 'export:folderStatus', request: exportJobSchema, response: returns<FolderExportStatus>() }),
  cancelFolderExport: call({ channel: 'export:folderCancel', request: exportJobSchema, response: returns<{ cancelled: boolean }>() }),
  /** Imports Parley Markdown, Parley backups and ChatGPT exports, all or nothing per call. */
  importFiles: call({
    channel: 'import:files',
    request: importFilesSchema,
    response: returns<ImportReport>(),
    changes: (_request, report) => {
      const ids = report.imported.map(({ id }) => id);
      // A backup also brings its prompts and endpoints back (its settings are only offered).
      return [changed('conversations', ids), changed('messages', ids), changed('prompts'), changed('endpoints')];
    },
  }),
  /** A ChatGPT conversations.json of any size, sent in pieces: begin, each piece in order, then finish (or cancel). */
  beginImport: call({ channel: 'import:begin', request: importBeginSchema, response: returns<{ jobId: string }>() }),
  /** One piece; the answer is the progress, and the sidebar hears of the conversations the piece stored. */
  importChunk: call({ channel: 'import:chunk', request: importChunkSchema, response: returns<ImportProgress>(), changes: (_request, progress) => storedChanges(progress.storedIds) }),
  finishImport: call({ channel: 'import:finish', request: exportJobSchema, response: returns<ImportReport>(), changes: (_request, report) => storedChanges(report.imported.map(({ id }) => id)) }),
  /** Stops: what was imported so far stays. */
  cancelImport: call({ channel: 'import:cancel', request: exportJobSchema, response: returns<ImportReport>(), changes: (_request, report) => storedChanges(report.imported.map(({ id }) => id)) }),
};
