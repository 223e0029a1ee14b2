/**
 * ChatGPT's data export (`conversations.json`) to conversations, each with a report of what it
 * left out. The conversation shows its main branch (the one shown when it was last open); other
 * answers become other versions of the answer and other wordings of questions other versions of
 * the question, each with the conversation that went on from it (chatgpt/thread.ts). Questions
 * keep what was attached, said or typed; answers keep their texts with citations as links, canvas
 * documents, thinking and thinking time. What the export does not hold (files, images,
 * recordings) or Parley does not keep (tool calls) is named in the report, by conversation.
 */
import { Canvas } from './chatgpt/canvas';
import { Notes } from './chatgpt/notes';
import { ms, sourceConversationSchema, type SourceConversation } from './chatgpt/source';
import { readThread, type Thread, type ThreadTurn } from './chatgpt/thread';
import { answer, question, stableId, type TurnContext } from './chatgpt/turnMessages';
import { emptyReport } from './importReport';
import type { ImportResult } from './importReport';
import { everyNode } from './exportTree';
import type { ExportConversation, ExportMessage, ExportVersion } from './types';

export class ChatGptImportError extends Error {
  override readonly name = 'ChatGptImportError';
}

export type ChatGptConversation = { conversation: ExportConversation; notes: string[] } | { skipped: string };

/** Oldest first; the message itself is the current one. */
const byTime = (a: ExportVersion, b: ExportVersion): number => a.createdAt - b.createdAt;

/** The turns as messages, each other version with the messages that followed it on its branch. */
function messagesOf(turns: readonly ThreadTurn[], createdAt: number, context: TurnContext): ExportMessage[] {
  const messages: ExportMessage[] = [];
  let at = createdAt;
  /** A version and its continuation, read with its own canvas: another branch's edits must not change the document this one goes on with. */
  const alternative = (version: ExportVersion | null, after: readonly ThreadTurn[], branch: TurnContext): ExportVersion[] => {
    if (!version) return [];
    const continuation = messagesOf(after, version.createdAt, branch);
    return [continuation.length > 0 ? { ...version, continuation } : version];
  };
  const branchContext = (): TurnContext => ({ ...context, canvas: context.canvas.fork() });
  for (const turn of turns) {
    const [first] = turn.messages;
    if (!first) continue;
    if (turn.role === 'user') {
      const current: ExportMessage = question(first, at, context);
      const wordings = turn.otherWordings.flatMap(({ version, after }) => {
        const branch = branchContext();
        return alternative(question(version, at, branch), after, branch);
      });
      messages.push(wordings.length > 0 ? { ...current, versions: wordings.sort(byTime) } : current);
      at = current.createdAt;
      continue;
    }
    const current: ExportMessage | null = answer(turn, at, context);
    const versions = turn.otherAnswers.flatMap(({ version, after }) => {
      const branch = branchContext();
      return alternative(answer(version, at, branch), after, branch);
    });
    if (!current) {
      // An answer with no text is no turn, so its other versions have no place.
      context.notes.add('unkept', undefined, versions.reduce((count, v) => count + 1 + everyNode(v.continuation ?? []).length, 0));
      continue;
    }
    messages.push(versions.length > 0 ? { ...current, versions: versions.sort(byTime) } : current);
    at = current.createdAt;
  }
  return messages;
}

function convert(c: SourceConversation, thread: Thread): { conversation: ExportConversation; notes: string[] } {
  const createdAt = ms(c.create_time);
  const notes = new Notes();
  const defaultModel = c.default_model_slug && c.default_model_slug !== 'auto' ? c.default_model_slug : '';
  const context: TurnContext = { notes, canvas: new Canvas(notes), model: defaultModel, ids: new Set() };
  const messages = messagesOf(thread.turns, createdAt, context);
  notes.add('unkept', undefined, thread.unkept);
  const systemPrompt = thread.system.map((m) => (m.content as { parts?: unknown }).parts).flatMap((parts) => (Array.isArray(parts) ? parts : [])).find((part): part is string => typeof part === 'string' && part !== '') ?? '';
  const conversation: ExportConversation = {
    id: stableId(c.id ?? c.conversation_id ?? `${c.title}:${c.create_time}`),
    title: c.title?.trim() || 'Untitled',
    model: messages.findLast((m) => m.role === 'assistant')?.model || defaultModel,
    createdAt,
    updatedAt: c.update_time == null ? createdAt : ms(c.update_time),
    pinned: false,
    systemPrompt,
    endpoint: '',
    params: {},
    messages,
  };
  return { conversation, notes: notes.sentences() };
}

/** One element of `conversations.json`: the conversation and what it left out, or why it was skipped. */
export function chatgptConversation(item: unknown): ChatGptConversation {
  const parsed = sourceConversationSchema.safeParse(item);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { skipped: `not in the shape of a ChatGPT conversation (${issue?.path.join('.') || 'top'}: ${issue?.message}).` };
  }
  const thread = readThread(parsed.data);
  if (!thread) return { skipped: 'its messages do not link up from current_node to the first one.' };
  const result = convert(parsed.data, thread);
  return result.conversation.messages.length === 0 ? { skipped: 'it has no messages with text.' } : result;
}

/** How the report names a conversation of the file: by its title, with its place when it has none. */
export function chatgptSource(item: unknown, index: number): string {
  const title = (item as { title?: unknown } | null)?.title;
  return typeof title === 'string' && title.trim() !== '' ? `"${title.trim()}"` : `conversation ${index + 1}`;
}

/** Parses a whole `conversations.json`; throws ChatGptImportError when the file is not one. */
export function chatgptToConversations(json: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ChatGptImportError(`This is not a ChatGPT export: it is not valid JSON (${(error as Error).message}).`);
  }
  if (!Array.isArray(data)) throw new ChatGptImportError('This is not a ChatGPT conversations.json: it should be a list of conversations.');
  const result: ImportResult = { conversations: [], report: emptyReport() };
  data.forEach((item: unknown, index) => {
    const read = chatgptConversation(item);
    if ('skipped' in read) {
      result.report.skipped.push({ source: chatgptSource(item, index), reason: read.skipped });
      return;
    }
    result.conversations.push(read.conversation);
    result.report.imported.push({ id: read.conversation.id, title: read.conversation.title, ...(read.notes.length > 0 ? { notes: read.notes } : {}) });
  });
  return result;
}
