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
import type { BackupConversation, BackupPrompt } from './backup';
import { conversationFileStem, FileNameAllocator } from './fileNames';
import { createFolderJobs } from './folderJobs';
import { importFiles } from './importFiles';
import { createChatGptImportJobs } from './chatgptImportJobs';
import { wallClock } from './localTime';
import { conversationToMarkdown } from './markdownExport';
import type { ExportConversation } from './types';
import { dirname } from 'node:path';
import type { AttachmentFiles } from '../attachments/attachmentFiles';
import type { EndpointStore } from '../endpoints/endpointStore';
import { copyAttachments, hasAttachments, inlineLinks } from './exportAttachments';
import { readableConversations } from './readableConversations';

type ExportChannel = Extract<Channel, `export:${string}` | `import:${string}`>;

export interface ExportDeps {
  history: HistoryStore;
  dialogs: Dialogs;
  settings(): Settings;
  /** The prompt library as a backup holds it, and how a restored backup's prompts are merged into it. */
  prompts: { backup(): BackupPrompt[]; restore(prompts: readonly BackupPrompt[]): PromptImportReport };
  /** History keeps endpoint ids, files keep base URLs: these translate (absent: kept as they are). A backup also keeps and restores the endpoints. */
  endpoints?: Pick<EndpointStore, 'baseURLOf' | 'idOf' | 'records' | 'restore'>;
  /** Where attachments are read from, to copy them next to an export or put them inside it. */
  attachments: AttachmentFiles;
  now?: () => number;
}

export function createExportHandlers({ history, dialogs, settings, prompts, endpoints, attachments, now = Date.now }: ExportDeps): Pick<Handlers, ExportChannel> {
  const jobs = createFolderJobs();
  /** As stored: `endpoint` is the endpoint's id. */
  const stored = (id: string): ExportConversation => {
    const conversation = history.exportConversation(id);
    if (!conversation) throw missingConversation();
    return conversation;
  };
  const withURL = (c: ExportConversation): ExportConversation => (endpoints ? { ...c, endpoint: endpoints.baseURLOf(c.endpoint) } : c);
  const load = (id: string): ExportConversation => withURL(stored(id));
  /** A backup keeps the endpoint's id too: two endpoints may share a base URL, and a restore must find the right one. */
  const loadForBackup = (id: string): BackupConversation => {
    const conversation = stored(id);
    return { ...withURL(conversation), endpointId: conversation.endpoint };
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
    'export:backup': async () => {
      const at = now();
      const { conversations, unreadable } = readableConversations(history, loadForBackup);
      const backup = createBackup({ conversations, prompts: prompts.backup(), endpoints: endpoints?.records() ?? [], settings: settings(), now: at });
      const saved = await dialogs.saveFile(`Parley backup ${wallClock().date(at)}.json`, backupToJson(backup), 'application/json');
      return { ...saved, unreadable };
    },
    'export:folderStart': async ({ ids }) => {
      const folder = await dialogs.pickFolder();
      const copy = (conversation: ExportConversation, into: string) => copyAttachments(conversation, into, attachments);
      return { jobId: folder === null ? null : jobs.start(folder, ids ?? history.conversationIds(), load, copy) };
    },
    'export:folderStatus': ({ jobId }) => jobs.status(jobId),
    'export:folderCancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'import:files': ({ files, duplicates }) =>
      importFiles(files, duplicates, store, attachments, {
        prompts: prompts.restore,
        endpoints: (list) => endpoints?.restore(list.filter((endpoint) => !endpoint.builtIn)) ?? { ids: new Map(), added: [] },
      }),
    'import:begin': ({ name, duplicates }) => ({ jobId: chatgptImports.begin(name, duplicates) }),
    'import:chunk': ({ jobId, data }) => chatgptImports.chunk(jobId, data),
    'import:finish': ({ jobId }) => chatgptImports.finish(jobId),
    'import:cancel': ({ jobId }) => chatgptImports.cancel(jobId),
  };
}
