/**
 * "Import": files the page read (picked or dropped) into the history. A `.md` file is read as
 * a Parley Markdown export; a `.json` file by its content: a list is ChatGPT's
 * conversations.json, anything else must be a Parley backup. A file that cannot be read is
 * reported and the others go on; what was read is stored in one transaction, so a failed
 * write changes nothing.
 *
 * Decisions: a backup brings back its conversations, its endpoints (without keys) and saved
 * prompts (merged by id); its settings are offered in the report, not applied behind the
 * person's back (see backupRestore.ts).
 * Every branch of a conversation is stored with it.
 */
import { extname } from 'node:path';
import { idSchema } from '../../shared/ipc';
import type { ImportReport } from '../../shared/ipc';
import { AppFailure } from '../appFailure';
import type { DuplicateMode, ImportConversations } from '../history/importConversations';
import { BackupFormatError, parseBackup, unrecognisedJson } from './backup';
import { restoreFromBackup, restorePrompts, type BackupRestorers, type PendingPrompts } from './backupRestore';
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


const UNKNOWN_KIND = 'Parley imports its Markdown exports (.md), its backups and ChatGPT’s conversations.json (.json) only.';

const isParseError = (error: unknown): error is Error =>
  error instanceof MarkdownImportError || error instanceof BackupFormatError || error instanceof ChatGptImportError;

/** The conversations in one file; what cannot be read goes to the report's `skipped`. */
function readFile(file: ImportFile, report: ImportReport, prompts: PendingPrompts, restorers: BackupRestorers | undefined): Found[] {
  const { skipped } = report;
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
    const unrecognised = unrecognisedJson(file.name, json);
    if (unrecognised !== null) {
      skipped.push({ source: file.name, reason: unrecognised });
      return [];
    }
    return restoreFromBackup(parseBackup(json), file.name, restorers, report, prompts).map(inFile);
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
 * `restorers` put back what a backup holds besides conversations (endpoints, prompts).
 */
export async function importFiles(
  files: readonly ImportFile[],
  duplicates: DuplicateMode,
  store: ImportConversations,
  attachments: Pick<AttachmentFiles, 'save' | 'read'>,
  restorers?: BackupRestorers,
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], skipped: [] };
  const backupPrompts: PendingPrompts = [];
  const isAttachment = (file: ImportFile) => EXPORTED_ATTACHMENT_PATH.test(slashed(file.name));
  const provided = new Map(files.filter(isAttachment).map((file) => [slashed(file.name), file.content]));
  const found = files
    .filter((file) => !isAttachment(file))
    .flatMap((file) => readFile(file, report, backupPrompts, restorers))
    .filter(({ source, conversation }) => {
      const reason = foreignId(conversation);
      if (reason !== null) report.skipped.push({ source, reason });
      return reason === null;
    });
  const usable: Found[] = [];
  let withoutFiles = 0;
  for (const item of found) {
    const skip = (name: string, reason: string) => report.skipped.push({ source: `${item.source}, attachment "${name}"`, reason });
    const kept = await storeImportedAttachments(item.conversation, slashed(item.file), provided, attachments, skip, () => withoutFiles++);
    usable.push({ ...item, conversation: kept });
  }
  if (withoutFiles > 0) {
    const files = withoutFiles === 1 ? 'One attached file is' : `${withoutFiles} attached files are`;
    report.notes = [...(report.notes ?? []), `${files} not in this data folder (a backup keeps which files each message had, not the files): the messages keep them and show them as missing.`];
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
  restorePrompts(backupPrompts, restorers, report);
  return report;
}
