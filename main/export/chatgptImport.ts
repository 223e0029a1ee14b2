/**
 * ChatGPT's data export (`conversations.json`) to conversations. Each conversation keeps its
 * main branch, the one shown when it was last open: from `current_node` up the `parent` links
 * to the root. Answers regenerated at the same point become earlier versions; edited branches
 * are left out and reported. Hidden and empty messages are dropped silently (ChatGPT never
 * showed them); anything with content that is not text (images, tool calls and results,
 * browsing) is reported. A visible system message becomes the system prompt; "thoughts"
 * become the next answer's reasoning.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { emptyReport } from './importReport';
import type { ImportReport, ImportResult } from './importReport';
import type { ExportConversation, ExportMessage, ExportVersion } from './types';

const messageSchema = z.object({
  id: z.string(),
  author: z.object({ role: z.string(), name: z.string().nullish() }),
  create_time: z.number().nullish(),
  content: z.looseObject({
    content_type: z.string(),
    parts: z.array(z.unknown()).nullish(),
    thoughts: z.array(z.object({ content: z.string().nullish() })).nullish(),
  }),
  status: z.string().nullish(),
  recipient: z.string().nullish(),
  metadata: z
    .looseObject({
      model_slug: z.string().nullish(),
      is_visually_hidden_from_conversation: z.boolean().nullish(),
      finish_details: z.object({ type: z.string().nullish() }).nullish(),
    })
    .nullish(),
});
type SourceMessage = z.infer<typeof messageSchema>;

const nodeSchema = z.object({
  message: messageSchema.nullish(),
  parent: z.string().nullish(),
  children: z.array(z.string()).nullish(),
});
type SourceNode = z.infer<typeof nodeSchema>;

const conversationSchema = z.object({
  id: z.string().nullish(),
  conversation_id: z.string().nullish(),
  title: z.string().nullish(),
  create_time: z.number(),
  update_time: z.number().nullish(),
  mapping: z.record(z.string(), nodeSchema),
  current_node: z.string(),
  default_model_slug: z.string().nullish(),
});
type SourceConversation = z.infer<typeof conversationSchema>;

export class ChatGptImportError extends Error {
  override readonly name = 'ChatGptImportError';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** ChatGPT's own id when it is a UUID (so a second import finds the same ids), else one derived from it. */
function stableId(source: string): string {
  if (UUID.test(source)) return source.toLowerCase();
  const hex = createHash('sha1').update(`chatgpt:${source}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.charAt(16), 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const ms = (seconds: number): number => Math.round(seconds * 1000);

/** The main branch, root first; null when the links are broken or loop. */
function mainBranch(c: SourceConversation): string[] | null {
  const path: string[] = [];
  const seen = new Set<string>();
  for (let id: string | null | undefined = c.current_node; id; id = c.mapping[id]?.parent) {
    if (seen.has(id) || !c.mapping[id]) return null;
    seen.add(id);
    path.push(id);
  }
  return path.reverse();
}

const isHidden = (m: SourceMessage): boolean => m.metadata?.is_visually_hidden_from_conversation === true;
const isToolCall = (m: SourceMessage): boolean => m.author.role === 'assistant' && (m.recipient ?? 'all') !== 'all';

function partName(part: unknown): string {
  const type = (part as { content_type?: unknown } | null)?.content_type;
  if (type === 'image_asset_pointer') return 'an image';
  if (typeof type === 'string' && type.includes('audio')) return 'audio';
  return `a part of type ${typeof type === 'string' ? type : 'unknown'}`;
}

/** The text of a message and what of it could not be kept. */
function textOf(m: SourceMessage): { text: string; dropped: string[] } {
  const { content_type: type, parts } = m.content;
  if ((type !== 'text' && type !== 'multimodal_text') || !parts) return { text: '', dropped: [`${type} content`] };
  const dropped = parts.filter((part) => typeof part !== 'string').map(partName);
  const text = parts.filter((part): part is string => typeof part === 'string' && part !== '').join('\n\n');
  return { text, dropped };
}

function toMessage(m: SourceMessage, text: string, reasoning: string, fallbackModel: string, fallbackTime: number): ExportMessage {
  const finish = m.metadata?.finish_details?.type ?? null;
  return {
    id: stableId(m.id),
    role: m.author.role === 'user' ? 'user' : 'assistant',
    content: text,
    reasoning,
    status: finish === 'interrupted' ? 'stopped' : m.status === 'in_progress' ? 'interrupted' : 'complete',
    error: null,
    usage: null,
    model: m.metadata?.model_slug ?? fallbackModel,
    finishReason: finish === 'stop' ? 'stop' : finish === 'max_tokens' ? 'length' : null,
    firstTokenMs: null,
    durationMs: null,
    createdAt: m.create_time == null ? fallbackTime : ms(m.create_time),
  };
}

/** Other answers to the same message (regenerations), oldest first. */
function siblingAnswers(c: SourceConversation, nodeId: string, model: string, time: number): ExportVersion[] {
  const parent = c.mapping[c.mapping[nodeId]?.parent ?? ''];
  return (parent?.children ?? [])
    .filter((id) => id !== nodeId)
    .map((id) => c.mapping[id]?.message)
    .filter((m): m is SourceMessage => !!m && m.author.role === 'assistant' && !isToolCall(m) && !isHidden(m) && textOf(m).text !== '')
    .sort((a, b) => (a.create_time ?? 0) - (b.create_time ?? 0))
    .map((m) => toMessage(m, textOf(m).text, '', model, time));
}

function convert(c: SourceConversation, path: string[], report: ImportReport, source: string): ExportConversation {
  const createdAt = ms(c.create_time);
  const fallbackModel = c.default_model_slug ?? '';
  const messages: ExportMessage[] = [];
  let systemPrompt = '';
  let reasoning = '';
  const skip = (m: SourceMessage, reason: string): void => void report.skipped.push({ source: `${source}, message ${m.id}`, reason });
  for (const nodeId of path) {
    const node: SourceNode | undefined = c.mapping[nodeId];
    const m = node?.message;
    if (!m || isHidden(m)) continue;
    const role = m.author.role;
    if (m.content.content_type === 'thoughts') {
      reasoning = [reasoning, ...(m.content.thoughts ?? []).map((t) => t.content ?? '')].filter(Boolean).join('\n\n');
      continue;
    }
    if (m.content.content_type === 'reasoning_recap') continue;
    if (role === 'tool') {
      skip(m, `a tool result${m.author.name ? ` (${m.author.name})` : ''} is not imported.`);
      continue;
    }
    if (isToolCall(m)) {
      skip(m, `a call to the ${m.recipient} tool is not imported.`);
      continue;
    }
    const { text, dropped } = textOf(m);
    for (const what of dropped) skip(m, `${what} is not imported (only text is).`);
    if (role === 'system') {
      if (systemPrompt === '') systemPrompt = text;
      continue;
    }
    if (text === '' || (role !== 'user' && role !== 'assistant')) continue;
    const previous = messages.at(-1);
    if (role === 'assistant' && previous?.role === 'assistant') {
      // One answer split around tool calls: kept as one answer.
      previous.content += `\n\n${text}`;
      previous.reasoning = [previous.reasoning, reasoning].filter(Boolean).join('\n\n');
    } else {
      const message = toMessage(m, text, role === 'assistant' ? reasoning : '', fallbackModel, createdAt);
      const versions = role === 'assistant' ? siblingAnswers(c, nodeId, fallbackModel, createdAt) : [];
      messages.push(versions.length ? { ...message, versions } : message);
    }
    if (role === 'assistant') reasoning = '';
    const edits = role === 'user' ? (c.mapping[node?.parent ?? '']?.children?.length ?? 1) - 1 : 0;
    if (edits > 0) report.skipped.push({ source: `${source}, message ${m.id}`, reason: `${edits} other version${edits > 1 ? 's' : ''} of this message (edits, and the answers after them) ${edits > 1 ? 'are' : 'is'} not imported.` });
  }
  return {
    id: stableId(c.id ?? c.conversation_id ?? `${c.title}:${c.create_time}`),
    title: c.title?.trim() || 'Untitled',
    model: c.default_model_slug ?? messages.findLast((m) => m.role === 'assistant')?.model ?? '',
    createdAt,
    updatedAt: c.update_time == null ? createdAt : ms(c.update_time),
    pinned: false,
    systemPrompt,
    endpoint: '',
    params: {},
    messages,
  };
}

/** Parses `conversations.json`; throws ChatGptImportError when the file is not one, reports each conversation it cannot take. */
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
    const title = (item as { title?: unknown } | null)?.title;
    const source = `conversation ${index + 1}${typeof title === 'string' ? ` "${title}"` : ''}`;
    const parsed = conversationSchema.safeParse(item);
    if (!parsed.success) {
      result.report.skipped.push({ source, reason: `not in the shape of a ChatGPT conversation (${parsed.error.issues[0]?.path.join('.') || 'top'}: ${parsed.error.issues[0]?.message}).` });
      return;
    }
    const path = mainBranch(parsed.data);
    if (!path) {
      result.report.skipped.push({ source, reason: 'its messages do not link up from current_node to the first one.' });
      return;
    }
    const conversation = convert(parsed.data, path, result.report, source);
    if (conversation.messages.length === 0) {
      result.report.skipped.push({ source, reason: 'it has no messages with text.' });
      return;
    }
    result.conversations.push(conversation);
    result.report.imported.push({ id: conversation.id, title: conversation.title });
  });
  return result;
}
