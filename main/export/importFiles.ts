/**
 * "Import": files the page read (picked or dropped) into the history. A `.md` file is read as
 * a Parley Markdown export; a `.json` file by its content: a list is ChatGPT's
 * conversations.json, anything else must be a Parley backup. A file that cannot be read is
 * reported and the others go on; what was read is stored in one transaction, so a failed
 * write changes nothing.
 *
 * Decisions: a backup brings back its conversations and saved prompts (merged by id), not its
 * settings (the user's current endpoint and model are not swapped behind their back; the report
 * says so).
 * Earlier versions of messages are stored with them.
 */
import { extname } from 'node:path';
import { idSchema } from '../../shared/ipc';
import type { ImportReport, PromptImportReport } from '../../shared/ipc';
import { AppFailure } from '../appFailure';
import type { DuplicateMode, ImportConversations } from '../history/importConversations';
import { BackupFormatError, parseBackup } from './backup';
import type { BackupPrompt } from './backup';
import { ChatGptImportError, chatgptToConversations } from './chatgptImport';
import { MarkdownImportError, markdownToConversation } from './markdownImport';
import type { ExportConversation } from './types';
import { EXPORTED_ATTACHMENT_PATH } from '../../shared/attachmentLimits';
import type { AttachmentFiles } from '../attachments/attachmentFiles';
import { storeImportedAttachments } from './importAttachments';

export interface ImportFile {
  name: string;
  content: string;
}

/** A conversation read from a file, how the report names it, the file (its attachments' links start there), and what its reading left out. */
interface Found {
  source: string;
  file: string;
  conversation: ExportConversation;
  notes?: string[];
}

type Skipped = ImportReport['skipped'];

const NOT_RESTORED = 'its settings were not applied: importing a backup brings back its conversations and saved prompts only.';
const UNKNOWN_KIND = 'Parley imports its Markdown exports (.md), its backups and ChatGPT’s conversations.json (.json) only.';

const isParseError = (error: unknown): error is Error =>
  error instanceof MarkdownImportError || error instanceof BackupFormatError || error instanceof ChatGptImportError;

/** The conversations in one file; what cannot be read goes to `skipped`. */
function readFile(file: ImportFile, skipped: Skipped, prompts: { source: string; prompts: BackupPrompt[] }[]): Found[] {
  const inFile = (conversation: ExportConversation): Found => ({ source: `${file.name}: "${conversation.title}"`, file: file.name, conversation });
  const extension = extname(file.name).toLowerCase();
  try {
    if (extension === '.md' || extension === '.markdown') return [{ source: file.name, file: file.name, conversation: markdownToConversation(file.content) }];
    if (extension !== '.json') {
      skipped.push({ source: file.name, reason: UNKNOWN_KIND });
      return [];
    }
    const json = file.content.replace(/^\ufeff/, '');
    if (json.trimStart().startsWith('[')) {
      const { conversations, report } = chatgptToConversations(json);
      skipped.push(...report.skipped.map(({ source, reason }) => ({ source: `${file.name}: ${source}`, reason })));
      return conversations.map((conversation, index) => ({ ...inFile(conversation), notes: report.imported[index]?.notes }));
    }
    const backup = parseBackup(json);
    if (Object.keys(backup.settings).length > 0) skipped.push({ source: file.name, reason: NOT_RESTORED });
    if (backup.prompts.length > 0) prompts.push({ source: file.name, prompts: backup.prompts });
    return backup.conversations.map(inFile);
  } catch (error) {
    if (!isParseError(error)) throw error;
    skipped.push({ source: file.name, reason: error.message });
    return [];
  }
}

const isParleyId = (id: string): boolean => idSchema.safeParse(id).success;

/** The page asks for conversations and answers by UUID: anything else could be stored but never opened. */
function foreignId(c: ExportConversation): string | null {
  if (!isParleyId(c.id)) return `its id "${c.id}" is not one Parley makes (a UUID).`;
  const message = c.messages.find((m) => !isParleyId(m.id));
  return message ? `its message id "${message.id}" is not one Parley makes (a UUID).` : null;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Paths with `/` whatever the system that picked them. */
const slashed = (name: string): string => name.replace(/\\/g, '/');

/**
 * Files named `…/attachments/<stored name>` are attachments an export wrote next to its
 * Markdown files (their content is base64); every other file is a document to read.
 * `restorePrompts` merges a backup's saved prompts into the library, after its conversations are stored.
 */
export async function importFiles(
  files: readonly ImportFile[],
  duplicates: DuplicateMode,
  store: ImportConversations,
  attachments: Pick<AttachmentFiles, 'save' | 'read'>,
  restorePrompts?: (prompts: readonly BackupPrompt[]) => PromptImportReport,
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], skipped: [] };
  const backupPrompts: { source: string; prompts: BackupPrompt[] }[] = [];
  const isAttachment = (file: ImportFile) => EXPORTED_ATTACHMENT_PATH.test(slashed(file.name));
  const provided = new Map(files.filter(isAttachment).map((file) => [slashed(file.name), file.content]));
  const found = files
    .filter((file) => !isAttachment(file))
    .flatMap((file) => readFile(file, report.skipped, backupPrompts))
    .filter(({ source, conversation }) => {
      const reason = foreignId(conversation);
      if (reason !== null) report.skipped.push({ source, reason });
      return reason === null;
    });
  const usable: Found[] = [];
  for (const item of found) {
    const skip = (name: string, reason: string) => report.skipped.push({ source: `${item.source}, attachment "${name}"`, reason });
    usable.push({ ...item, conversation: await storeImportedAttachments(item.conversation, slashed(item.file), provided, attachments, skip) });
  }
  let outcomes: (string | null)[];
  try {
    outcomes = store(usable.map((found) => found.conversation), duplicates);
  } catch (error) {
    throw new AppFailure({ code: 'internal', message: `The import failed, so nothing was changed (${errorText(error)}).` });
  }
  usable.forEach(({ source, conversation, notes }, index) => {
    const skippedBecause = outcomes[index] ?? null;
    if (skippedBecause !== null) {
      report.skipped.push({ source, reason: skippedBecause });
      return;
    }
    report.imported.push({ id: conversation.id, title: conversation.title, ...(notes ? { notes } : {}) });
  });
  for (const { source, prompts } of backupPrompts) {
    const merged = restorePrompts?.(prompts);
    for (const { name, reason } of merged?.skipped ?? []) report.skipped.push({ source: `${source}: prompt "${name}"`, reason });
  }
  return report;
}
