/**
 * Turns (see thread.ts) as Parley messages. A question is its text; an answer gathers its turn:
 * texts (citations linked), canvas documents as named blocks, thinking (`thoughts`) as its
 * reasoning, and the time it thought (`reasoning_recap`, "Thought for 3m 46s", with
 * `metadata.finished_duration_sec`). Tool calls and their results are counted, not kept. The
 * answer's id, time, model and how it ended come from its last text (the part a person read).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ExportVersion } from '../types';
import type { Canvas } from './canvas';
import { resolveCitations } from './citations';
import type { Notes } from './notes';
import { answerText, questionText } from './parts';
import { field, meta, ms, type SourceMessage } from './source';
import type { Turn } from './thread';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** ChatGPT's own id when it is a UUID (so a second import finds the same ids), else a UUID derived from it. */
export function stableId(source: string): string {
  if (UUID.test(source)) return source.toLowerCase();
  const hex = createHash('sha1').update(`chatgpt:${source}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.charAt(16), 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What one conversation's messages share while they are made. */
export interface TurnContext {
  notes: Notes;
  canvas: Canvas;
  /** The conversation's model, for messages that name none. */
  model: string;
  /** Ids given so far: a message's id is unique in its conversation. */
  ids: Set<string>;
}

function uniqueId(source: string, ids: Set<string>): string {
  let id = stableId(source);
  for (let n = 2; ids.has(id); n++) id = stableId(`${source}#${n}`);
  ids.add(id);
  return id;
}

/** "Thought for 3m 46s", "Thought for 4 seconds", "Thought for 5s" → milliseconds. */
function recapMs(m: SourceMessage): number | null {
  const seconds = meta(m, 'finished_duration_sec', z.number());
  if (seconds !== undefined) return ms(seconds);
  const text = field(m.content, 'content', z.string()) ?? '';
  const minutes = /(\d+)\s*m(?:in(?:ute)?s?)?\b/.exec(text)?.[1];
  const secs = /(\d+)\s*s(?:ec(?:ond)?s?)?\b/.exec(text)?.[1];
  return minutes === undefined && secs === undefined ? null : (Number(minutes ?? 0) * 60 + Number(secs ?? 0)) * 1000;
}

const thoughtSchema = z.array(z.looseObject({ content: z.string().nullish(), summary: z.string().nullish() }));

/** A thoughts message as reasoning text (shown as plain text): each thought under its summary line. */
function thoughtsText(m: SourceMessage): string {
  return (field(m.content, 'thoughts', thoughtSchema) ?? [])
    .map(({ summary, content }) => [summary ?? '', content ?? ''].filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}

/** How the message ended, from ChatGPT's `finish_details` and status. */
function ending(m: SourceMessage): Pick<ExportVersion, 'status' | 'finishReason'> {
  const finish = field(meta(m, 'finish_details', z.unknown()), 'type', z.string()) ?? null;
  return {
    status: finish === 'interrupted' ? 'stopped' : m.status === 'in_progress' ? 'interrupted' : 'complete',
    finishReason: finish === 'stop' ? 'stop' : finish === 'max_tokens' ? 'length' : null,
  };
}

function message(m: SourceMessage, fields: Pick<ExportVersion, 'role' | 'content' | 'reasoning' | 'thinkingMs' | 'model'>, at: number, context: TurnContext): ExportVersion {
  return {
    id: uniqueId(m.id, context.ids),
    ...fields,
    ...(fields.role === 'user' ? { status: 'complete' as const, finishReason: null } : ending(m)),
    error: null,
    usage: null,
    firstTokenMs: null,
    durationMs: null,
    createdAt: m.create_time == null ? at : ms(m.create_time),
  };
}

export function question(m: SourceMessage, at: number, context: TurnContext): ExportVersion {
  const model = meta(m, 'model_slug', z.string()) ?? context.model;
  return message(m, { role: 'user', content: questionText(m, context.notes), reasoning: '', thinkingMs: null, model }, at, context);
}

/** The answer a turn makes; null when it holds nothing to read (only tool calls, or nothing at all). */
export function answer(turn: Turn, at: number, context: TurnContext): ExportVersion | null {
  const texts: string[] = [];
  const thoughts: string[] = [];
  let thinkingMs: number | null = null;
  let last: SourceMessage | null = null;
  for (const m of turn.messages) {
    const type = m.content.content_type;
    const recipient = m.recipient ?? 'all';
    if (m.author.role === 'tool') {
      // Results of tool calls counted below; an image a tool made (DALL·E) is part of the answer.
      if (type === 'multimodal_text') texts.push(answerText(m, context.notes));
    } else if (type === 'thoughts') {
      thoughts.push(thoughtsText(m));
    } else if (type === 'reasoning_recap') {
      thinkingMs = recapMs(m) ?? thinkingMs;
    } else if (recipient.startsWith('canmore.')) {
      const document = context.canvas.call(m);
      if (document !== null) texts.push(document);
      last = m;
    } else if (recipient !== 'all') {
      context.notes.add('toolCall', recipient);
    } else if (m.channel === 'analysis' || m.channel === 'commentary') {
      thoughts.push(answerText(m, context.notes));
    } else if (type === 'text' || type === 'multimodal_text') {
      const text = resolveCitations(answerText(m, context.notes), m, context.notes);
      texts.push(text);
      if (text !== '') last = m;
    } else if (type === 'code') {
      const language = field(m.content, 'language', z.string());
      texts.push(`\`\`\`${language && language !== 'unknown' ? language : ''}\n${field(m.content, 'text', z.string()) ?? ''}\n\`\`\``);
      last = m;
    } else {
      context.notes.add('unknownPart', type);
    }
  }
  const content = texts.filter((text) => text !== '').join('\n\n');
  const reasoning = thoughts.filter((text) => text !== '').join('\n\n');
  if (content === '' && reasoning === '') return null;
  const final = last ?? turn.messages.findLast((m) => m.author.role === 'assistant') ?? turn.messages.at(-1);
  if (!final) return null;
  const model = meta(final, 'model_slug', z.string()) ?? context.model;
  return message(final, { role: 'assistant', content, reasoning, thinkingMs, model }, at, context);
}
