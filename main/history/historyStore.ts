import { randomUUID } from 'node:crypto';
import type { ExportConversation } from '../export/types';
import { AnswerWriter } from './answerWriter';
import type { AnswerWriterOptions } from './answerWriter';
import { createComparisonSaver } from './comparisons';
import type { SaveComparison } from './comparisons';
import { createConversations } from './conversations';
import type { ListOptions } from './conversations';
import { syncToDisk, write, type Db, type Durability } from './database';
import { createBranches } from './branches';
import { toExportConversation } from './exportView';
import { createImporter } from './importConversations';
import { forkOf } from './fork';
import { missingConversation } from './storeContext';
import { AppFailure } from '../appFailure';
import type { ImportConversations } from './importConversations';
import { createMessages, type ShownMessage } from './messages';
import type { PathMessage } from '../../shared/requestPath';
import { search } from './search';
import { createSearchMerges } from './searchMerges';
import { readModelUsage, type ModelUsage } from './usage';
import type { SearchOptions } from './search';
import { createVersions } from './versions';
import { createTree } from './tree';
import { createAttachmentRows } from './attachments';
import { createToolCallRows } from './toolCalls';
import type {
  Conversation,
  ConversationPatch,
  ConversationSummary,
  ConversationWithMessages,
  NewConversation,
  NewMessage,
  NewUserMessage,
  SearchResult,
  StoredMessage,
} from './types';

/** The history API main's IPC handlers call. Every write has committed when a method returns. */
export interface HistoryStore {
  listConversations(options?: ListOptions): ConversationSummary[];
  countConversations(): number;
  /** Null for an unknown or deleted conversation. */
  getConversation(id: string): ConversationWithMessages | null;
  /** The conversation without its messages (cheap); null for an unknown or deleted one. */
  findConversation(id: string): Conversation | null;
  /** Whether message `id` is on the conversation's shown path (cheap: one row, not the conversation). */
  isShown(conversationId: string, id: string): boolean;
  /** Message `id` when it is on the shown path, with the message before it (cheap: one row, no versions, attachments or tool calls). */
  findShown(conversationId: string, id: string): ShownMessage | null;
  /** The shown path's last message (cheap: one row, no versions, attachments or tool calls); null for an empty conversation. */
  lastShown(conversationId: string): StoredMessage | null;
  /**
   * The shown path before message `id` as a request carries it (role, text, status, attachments), oldest first;
   * null when `id` is not shown. Reads those messages only, not the conversation's versions, branches or tool calls.
   */
  requestPathBefore(conversationId: string, id: string): PathMessage[] | null;
  createConversation(input: NewConversation): Conversation;
  updateConversation(id: string, patch: ConversationPatch): Conversation;
  /** Soft delete: hidden everywhere until restored, or purged at a later start-up. */
  deleteConversation(id: string): void;
  restoreConversation(id: string): void;
  /** Deletes for good the conversations deleted more than `olderThanMs` ago; returns how many. */
  purgeDeleted(olderThanMs: number): number;
  /** Committed (fsynced) before it returns, so it is safe to send the request afterwards. */
  addUserMessage(conversationId: string, input: NewUserMessage): StoredMessage;
  /** Creates the answer's row (status `streaming`) and returns the writer that fills it. */
  startAnswer(conversationId: string, input: NewMessage, options?: AnswerWriterOptions): AnswerWriter;
  /** Like startAnswer, in the place of answer `replacedId`, which is kept as the new answer's newest earlier version. */
  regenerateAnswer(conversationId: string, replacedId: string, input: NewMessage, options?: AnswerWriterOptions): AnswerWriter;
  /** Opens answer `id` again (see messages.reopenAnswer); the writer appends to its text. */
  continueAnswer(conversationId: string, id: string, options?: AnswerWriterOptions): AnswerWriter;
  /** Rewrites a question in place, keeping its earlier text as a version; committed (fsynced) before it returns. */
  editUserMessage(conversationId: string, id: string, input: NewUserMessage): StoredMessage;
  /** Marks answers left `streaming` by a crash as `interrupted`, keeping their text; returns how many. */
  recoverInterrupted(): number;
  /** Removes a message with the branch after it (e.g. the failed answer a retry replaces); false when it was not there. */
  deleteMessage(conversationId: string, id: string): boolean;
  /** Shows the branch through message `id` (a version at a branch point, a search hit), with each chosen continuation after it. */
  showBranch(conversationId: string, id: string): void;
  search(query: string, options?: SearchOptions): SearchResult[];
  /** Every live conversation's id, in sidebar order: what "Export all" exports. */
  conversationIds(): string[];
  /** All of a conversation as an export carries it; null for an unknown or deleted one. */
  exportConversation(id: string): ExportConversation | null;
  /** Stores exported conversations as they were, in one transaction; see importConversations.ts. */
  importConversations: ImportConversations;
  /** Tokens and answers per model since a moment (ms since epoch), for the usage view. */
  modelUsage(since: number): ModelUsage[];
  /** A new conversation `forkId` with the path of `id` up to message `messageId` (see fork.ts), in one transaction. */
  forkConversation(id: string, messageId: string, forkId: string): Conversation;
  /** Compare's chosen answer as the next turn, the others as its versions, in one transaction; see comparisons.ts. */
  saveComparison: SaveComparison;
  /** The attachment files some message (or tool call) refers to; the others can be removed. */
  referencedAttachmentFiles(): Set<string>;
  /**
   * Runs `fn`'s writes as one transaction: all of them are saved, or none (a chat turn's question and
   * answer row). `durable` (the default) is fsynced before it returns; `relaxed` survives a crash of
   * the app, and survives an OS crash once `syncToDisk` has resolved.
   */
  atomically<T>(fn: () => T, durability?: Durability): T;
  /** Makes every commit so far durable (fsyncs the write-ahead log) off the main thread; rejects when the disk refuses. */
  syncToDisk(): Promise<void>;
  /** SQLite's quick_check: ['ok'], or up to ten problems it found in the file. Reads every page (seconds for a large history). */
  quickCheck(): string[];
  /** Held while a chat is under way: the search index is merged only once no chat has been for a while (searchMerges.ts). Returns the release. */
  holdSearchMerges(): () => void;
  close(): void;
}

export interface HistoryStoreOptions {
  now?: () => number;
  newId?: () => string;
}

/** A store over a migrated database; it owns `db` from now on. */
export function createHistoryStore(db: Db, { now = Date.now, newId = randomUUID }: HistoryStoreOptions = {}): HistoryStore {
  const context = { db, now, newId };
  const conversations = createConversations(context);
  const versions = createVersions(db);
  const attachmentRows = createAttachmentRows(db);
  const toolCallRows = createToolCallRows(db);
  const tree = createTree(db);
  const messages = createMessages(context, conversations, tree, attachmentRows, toolCallRows);
  const withVersions = (conversationId: string): StoredMessage[] => {
    const earlier = versions.listFor(conversationId);
    const siblings = tree.siblingsOf(conversationId);
    const attached = attachmentRows.listFor(conversationId);
    const calls = toolCallRows.listFor(conversationId);
    const withCalls = (message: StoredMessage): StoredMessage => {
      const made = calls.get(message.id);
      return made ? { ...message, toolCalls: made } : message;
    };
    // Only messages that have earlier versions (or attachments, or tool calls) carry the field, as an export writes them.
    return messages.listFor(conversationId).map((message) => {
      const found = earlier.get(message.id);
      const files = attached.get(message.id);
      const branchPoint = siblings.get(message.id);
      return withCalls({
        ...message,
        ...(found ? { versions: found.map(withCalls) } : {}),
        ...(branchPoint ? { siblings: branchPoint } : {}),
        ...(files ? { attachments: files } : {}),
      });
    });
  };
  const getConversation = (id: string): ConversationWithMessages | null => {
    const conversation = conversations.get(id);
    return conversation && { ...conversation, messages: withVersions(id) };
  };
  const importConversations = createImporter(context, attachmentRows, toolCallRows);
  // A read-only history (a backup being looked at) is never merged.
  const searchMerges = db.readonly ? null : createSearchMerges(db);
  const branches = createBranches(db);
  /** The conversation with every branch, each read in one query. */
  const exportOf = (conversation: Conversation): ExportConversation =>
    toExportConversation(conversation, branches.read(conversation.id), {
      attachments: attachmentRows.listFor(conversation.id),
      toolCalls: toolCallRows.listFor(conversation.id),
    });

  return {
    listConversations: (options) => conversations.list(options),
    countConversations: () => conversations.count(),
    getConversation,
    findConversation: (id) => conversations.get(id),
    isShown: (conversationId, id) => messages.isShown(conversationId, id),
    findShown: (conversationId, id) => messages.findShown(conversationId, id),
    lastShown: (conversationId) => messages.lastShown(conversationId),
    requestPathBefore(conversationId, id) {
      const path = messages.pathBefore(conversationId, id);
      if (!path) return null;
      const attached = attachmentRows.listFor(conversationId);
      return path.map(({ id: messageId, ...message }) => {
        const files = attached.get(messageId);
        return files ? { ...message, attachments: files } : message;
      });
    },
    createConversation: (input) => conversations.create(input),
    updateConversation: (id, patch) => conversations.update(id, patch),
    deleteConversation: (id) => conversations.remove(id),
    restoreConversation: (id) => conversations.restore(id),
    purgeDeleted: (olderThanMs) => conversations.purgeDeleted(olderThanMs),
    addUserMessage: (conversationId, input) => messages.addUser(conversationId, input),
    startAnswer: (conversationId, input, options) =>
      new AnswerWriter(messages.startAnswer(conversationId, input), messages, options),
    regenerateAnswer: (conversationId, replacedId, input, options) =>
      new AnswerWriter(messages.regenerateAnswer(conversationId, replacedId, input), messages, options),
    continueAnswer: (conversationId, id, options) => new AnswerWriter(messages.reopenAnswer(conversationId, id), messages, options),
    editUserMessage: (conversationId, id, input) => messages.editUser(conversationId, id, input),
    recoverInterrupted: () => messages.recoverInterrupted(),
    deleteMessage: (conversationId, id) => messages.remove(conversationId, id),
    showBranch(conversationId, id) {
      write(db, () => {
        if (!conversations.get(conversationId)) throw missingConversation();
        // Not a use of the conversation: the sidebar keeps its order.
        if (!tree.show(conversationId, id)) throw new AppFailure({ code: 'invalid-request', message: 'This version is no longer in the conversation; reload it.' });
      }, 'durable');
    },
    search: (query, options) => search(db, query, options),
    conversationIds: () => conversations.ids(),
    exportConversation(id) {
      const conversation = conversations.get(id);
      return conversation && exportOf(conversation);
    },
    modelUsage: (since) => readModelUsage(db, since),
    saveComparison: createComparisonSaver(context, conversations, messages),
    importConversations,
    forkConversation: (id, messageId, forkId) =>
      write(db, () => {
        const source = conversations.get(id);
        if (!source) throw missingConversation();
        const [skipped] = importConversations([forkOf(exportOf(source), messageId, { conversation: forkId, message: newId }, now())], 'skip');
        if (skipped) throw new AppFailure({ code: 'invalid-request', message: `The fork could not be stored: ${skipped}` });
        // An export does not carry the tool servers; the fork may use the same ones.
        return conversations.update(forkId, { toolServers: source.toolServers });
      }, 'durable'),
    referencedAttachmentFiles: () => new Set([...attachmentRows.referencedFiles(), ...toolCallRows.referencedFiles()]),
    atomically: (fn, durability = 'durable') => write(db, fn, durability),
    syncToDisk: () => syncToDisk(db),
    quickCheck: () => db.prepare('PRAGMA quick_check(10)').pluck().all().map(String),
    holdSearchMerges: () => searchMerges?.hold() ?? (() => undefined),
    close() {
      searchMerges?.stop();
      db.close();
    },
  };
}
