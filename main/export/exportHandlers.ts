/**
 * The export and import channels: the export core (pure) meets the history store and the
 * Dialogs port here. Nothing written carries the API key: exports are built from the history
 * and the settings, which hold none, and the core drops secret-looking fields besides.
 */
import type { Channel, PromptImportReport, Settings } from '../../shared/ipc';
import type { Dialogs } from '../files/dialogs';
import type { HistoryStore } from '../history/historyStore';
import { missingConversation } from '../history/storeContext';
import type { Handlers } from '../ipc/router';
import { backupToJson, createBackup } from './backup';
import type { BackupPrompt } from './backup';
import { conversationFileStem, FileNameAllocator } from './fileNames';
import { createFolderJobs } from './folderJobs';
import { importFiles } from './importFiles';
import { createChatGptImportJobs } from './chatgptImportJobs';
import { wallClock } from './localTime';
import { conversationToMarkdown } from './markdownExport';
import type { ExportConversation } from './types';
import { dirname } from 'node:path';
import type { AttachmentFiles } from '../attachments/attachmentFiles';
import { copyAttachments, hasAttachments, inlineLinks } from './exportAttachments';

type ExportChannel = Extract<Channel, `export:${string}` | `import:${string}`>;

export interface ExportDeps {
  history: HistoryStore;
  dialogs: Dialogs;
  settings(): Settings;
  /** The prompt library as a backup holds it, and how a restored backup's prompts are merged into it. */
  prompts: { backup(): BackupPrompt[]; restore(prompts: readonly BackupPrompt[]): PromptImportReport };
  /** History keeps endpoint ids, files keep base URLs: these translate (absent: kept as they are). */
  endpoints?: { baseURLOf(id: string): string; idOf(baseURL: string): string };
  /** Where attachments are read from, to copy them next to an export or put them inside it. */
  attachments: AttachmentFiles;
  now?: () => number;
}

export function createExportHandlers({ history, dialogs, settings, prompts, endpoints, attachments, now = Date.now }: ExportDeps): Pick<Handlers, ExportChannel> {
  const jobs = createFolderJobs();
  const load = (id: string): ExportConversation => {
    const conversation = history.exportConversation(id);
    if (!conversation) throw missingConversation();
    return endpoints ? { ...conversation, endpoint: endpoints.baseURLOf(conversation.endpoint) } : conversation;
  };
  const store: typeof history.importConversations = (conversations, duplicates) =>
    history.importConversations(endpoints ? conversations.map((c) => ({ ...c, endpoint: endpoints.idOf(c.endpoint) })) : conversations, duplicates);
  const chatgptImports = createChatGptImportJobs(store);

  /** The Markdown with its attachments inside, as data: URLs. */
  const selfContained = async (conversation: ExportConversation): Promise<string> =>
    hasAttachments(conversation) ? conversationToMarkdown(conversation, { attachmentHref: await inlineLinks(conversation, attachments) }) : conversationToMarkdown(conversation);

  return {
    'export:conversation': async ({ id }) => {
      const conversation = load(id);
      // The allocator also cuts a long title to a length every file system takes.
      const name = new FileNameAllocator().allocate(conversationFileStem(conversation.title, conversation.createdAt), '.md');
      const saved = await dialogs.saveFile(name, conversationToMarkdown(conversation), 'text/markdown');
      if (saved.savedTo !== null) await copyAttachments(conversation, dirname(saved.savedTo), attachments);
      // A download is one file: its images travel inside it.
      if (saved.download && hasAttachments(conversation)) return { ...saved, download: { ...saved.download, content: await selfContained(conversation) } };
      return saved;
    },
    'export:markdownText': async ({ id }) => ({ markdown: await selfContained(load(id)) }),
    'export:backup': () => {
      const at = now();
      const backup = createBackup({ conversations: history.conversationIds().map(load), prompts: prompts.backup(), settings: settings(), now: at });
      return dialogs.saveFile(`Parley backup ${wallClock().date(at)}.json`, backupToJson(backup), 'application/json');
    },
    'export:folderStart': async ({ ids }) => {
      const folder = await dialogs.pickFolder();
      const copy = (conversation: ExportConversation, into: string) => copyAttachments(conversation, into, attachments);
      return { jobId: folder === null ? null : jobs.start(folder, ids ?? history.conversationIds(), load, copy) };
    },
    'export:folderStatus': ({ jobId }) => jobs.status(jobId),
    'export:folderCancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'import:files': ({ files, duplicates }) => importFiles(files, duplicates, store, attachments, prompts.restore),
    'import:begin': ({ name, duplicates }) => ({ jobId: chatgptImports.begin(name, duplicates) }),
    'import:chunk': ({ jobId, data }) => chatgptImports.chunk(jobId, data),
    'import:finish': ({ jobId }) => chatgptImports.finish(jobId),
    'import:cancel': ({ jobId }) => chatgptImports.cancel(jobId),
  };
}
