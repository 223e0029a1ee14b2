/**
 * One conversation as a Markdown file a person is glad to read and Parley reads back exactly
 * (see markdownFormat.ts for the structure). Same input, same bytes: no random markers, no
 * clock; times are shown in the given zone (the system's by default).
 */
import { wallClock } from './localTime';
import type { WallClock } from './localTime';
import { DETAILS_END, DETAILS_START, detailsLine, FORMAT_VERSION, writeText, type TextKey } from './markdownFormat';
import { redactUrl, withoutSecrets } from './redact';
import type { MessageDetails, MessageMeta } from './schema';
import { inlineText } from './markdownInline';
import { fileLink, linkedFile, type FileHref } from './markdownLinks';
import { toolCallLines, toolCallsDetails } from './markdownToolCalls';
import type { ExportAttachment, ExportConversation, ExportMessage, ExportNode, ExportVersion } from './types';
import { yamlFlow, yamlQuoted, yamlText } from './yaml';

export interface MarkdownOptions {
  /** IANA zone for the times people read, e.g. `Europe/Paris`; the system's when absent. */
  timeZone?: string;
  /** Where an attachment's bytes are; by default `attachments/<file>`, next to the Markdown file. */
  attachmentHref?: FileHref;
}

/** The folder, next to an exported Markdown file, that holds its attachments. */
export const ATTACHMENT_LINK_FOLDER = 'attachments';

const besideTheFile = (attachment: ExportAttachment): string => attachment.href ?? `${ATTACHMENT_LINK_FOLDER}/${attachment.file ?? ''}`;

/** A message's details line: only the listed fields, and of those only what is set, so nothing unexpected reaches the file. */
function details(m: ExportVersion, href: FileHref, attachments?: MessageMeta['attachments']): Partial<MessageDetails> {
  const usage = m.usage && { promptTokens: m.usage.promptTokens, completionTokens: m.usage.completionTokens, totalTokens: m.usage.totalTokens };
  const error = m.error && {
    code: m.error.code,
    message: m.error.message,
    ...(m.error.status === undefined ? {} : { status: m.error.status }),
    ...(m.error.param === undefined ? {} : { param: m.error.param }),
  };
  const set = <T,>(value: T | null): value is T => value !== null;
  return {
    id: m.id,
    role: m.role,
    status: m.status,
    model: m.model,
    createdAt: m.createdAt,
    ...(set(m.finishReason) ? { finishReason: m.finishReason } : {}),
    ...(set(m.firstTokenMs) ? { firstTokenMs: m.firstTokenMs } : {}),
    ...(set(m.durationMs) ? { durationMs: m.durationMs } : {}),
    ...(set(m.thinkingMs) ? { thinkingMs: m.thinkingMs } : {}),
    ...(set(usage) ? { usage } : {}),
    ...(set(error) ? { error } : {}),
    ...(m.params ? { params: withoutSecrets(m.params) } : {}),
    ...(attachments ? { attachments } : {}),
    ...(m.toolCalls?.length ? { toolCalls: toolCallsDetails(m.toolCalls, href) } : {}),
    ...(m.recency === undefined ? {} : { recency: m.recency }),
  };
}

function statusNote(m: ExportVersion): string | null {
  switch (m.status) {
    case 'error':
      return `> **Error:** ${inlineText(m.error?.message ?? 'the answer failed.')}`;
    case 'stopped':
      return '> **Stopped** before the answer was finished.';
    case 'interrupted':
    case 'streaming':
      return '> **Interrupted:** Parley closed while this answer was arriving.';
    case 'complete':
      return null;
  }
}

function usageLine(m: ExportVersion): string | null {
  const parts: string[] = [];
  if (m.usage) parts.push(`${m.usage.promptTokens} prompt + ${m.usage.completionTokens} completion = ${m.usage.totalTokens} tokens`);
  if (m.durationMs !== null) parts.push(seconds(m.durationMs));
  return parts.length ? `<sub>${parts.join(' · ')}</sub>` : null;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Thinking, the text, then the notes a person reads under it. `inDetails`: it is an earlier version, folded away. */
function writeBody(out: string[], key: TextKey, m: ExportVersion, inDetails: boolean, href: FileHref): void {
  if (m.reasoning !== '') {
    const summary = m.thinkingMs === null ? 'Thinking' : `Thinking · ${seconds(m.thinkingMs)}`;
    out.push(`<details><summary>${summary}</summary>`, '', writeText(key, 'thinking', m.reasoning, true), '', '</details>', '');
  }
  out.push(writeText(key, 'content', m.content, inDetails), '');
  out.push(...toolCallLines(m.toolCalls ?? [], href));
  for (const line of [statusNote(m), usageLine(m)]) if (line !== null) out.push(line, '');
}

function heading(m: ExportVersion, clock: WallClock): string {
  const who = m.role === 'user' ? ['You'] : ['Assistant', ...(m.model ? [inlineText(m.model)] : [])];
  return [...who, clock.dateTime(m.createdAt)].join(' · ');
}

/** The attachments in the marker (name, type, size and link, never the stored file's name) and as links a person can follow. */
function writeAttachments(m: ExportNode, href: FileHref): { meta: MessageMeta['attachments']; lines: string[] } {
  const list = (m.attachments ?? []).map((a) => linkedFile(a, href));
  const lines = list.map(fileLink);
  return { meta: list.length > 0 ? list : undefined, lines: lines.length > 0 ? [...lines, ''] : [] };
}

/** How many questions and answers a branch has had up to a point: "question 2" names a place a person can find. */
type Counts = Record<ExportNode['role'], number>;

/** A run of messages the file shows one after the other: the shown path, or a branch listed under "Other branches". */
interface Section {
  /** `''` for the shown path; else the key of the version the branch starts from (see markdownFormat.ts). */
  from: TextKey;
  /** The number of its first message in the conversation (1 for the shown path). */
  start: number;
  messages: readonly ExportMessage[];
  /** Questions and answers before its first message, on the path that leads to it. */
  before: Counts;
  /** Its heading; '' for the shown path. */
  title: string;
}

interface Writer {
  out: string[];
  lines: string[];
  clock: WallClock;
  href: FileHref;
  /** Branches found while writing, to list after the shown path. */
  branches: Section[];
}

const placeName = (role: ExportNode['role'], counts: Counts): string => `${role === 'user' ? 'question' : 'answer'} ${counts[role]}`;

/** A message's heading, texts and files into `out`, its details into `lines`. `inDetails`: it is a version, folded away. */
function writeNode(w: Writer, key: TextKey, m: ExportVersion, title: string, inDetails: boolean): void {
  const attachments = writeAttachments(m, w.href);
  w.lines.push(detailsLine(key, details(m, w.href, attachments.meta)));
  w.out.push(title, '');
  writeBody(w.out, key, m, inDetails, w.href);
  w.out.push(...attachments.lines);
}

/** The message with its other versions folded under it; a version the conversation went on from becomes a branch to list later. */
function writeMessage(w: Writer, section: Section, number: number, m: ExportMessage, before: Counts): void {
  const key = section.from === '' ? String(number) : `${section.from}-${number}`;
  const level = section.from === '' ? '##' : '####';
  writeNode(w, key, m, `${level} ${heading(m, w.clock)}`, false);
  const versions = m.versions ?? [];
  if (versions.length === 0) return;
  // An edited question has earlier wordings, not answers.
  const earlier = m.role === 'user' ? 'Earlier versions' : 'Earlier answers';
  w.out.push(`<details><summary>${earlier} (${versions.length})</summary>`, '');
  versions.forEach((v, i) => {
    const versionKey = `${key}.${i + 1}`;
    const counts = { ...before, [v.role]: before[v.role] + 1 };
    writeNode(w, versionKey, v, `${level}# ${i + 1} of ${versions.length + 1} · ${heading(v, w.clock)}`, true);
    if (!v.continuation?.length) return;
    const place = `${placeName(v.role, counts)}, version ${i + 1} of ${versions.length + 1}`;
    const title = section.from === '' ? `Branch from ${place}` : `${section.title} › ${place}`;
    w.branches.push({ from: versionKey, start: number + 1, messages: v.continuation, before: counts, title });
    w.out.push(`> The conversation went on from this version: see “${title}” under Other branches.`, '');
  });
  w.out.push('</details>', '');
}

/** A section's messages in order, keyed by their number in the conversation (after the version's key on a branch). */
function writeSection(w: Writer, section: Section): void {
  const counts = { ...section.before };
  section.messages.forEach((m, index) => {
    const before = { ...counts };
    counts[m.role] += 1;
    writeMessage(w, section, section.start + index, m, before);
  });
}

export function conversationToMarkdown(c: ExportConversation, options: MarkdownOptions = {}): string {
  const clock = wallClock(options.timeZone);
  const out = [
    '---',
    `title: ${yamlQuoted(c.title)}`,
    `id: ${yamlQuoted(c.id)}`,
    `created: ${new Date(c.createdAt).toISOString()}`,
    `updated: ${new Date(c.updatedAt).toISOString()}`,
    `endpoint: ${yamlQuoted(redactUrl(c.endpoint))}`,
    `model: ${yamlQuoted(c.model)}`,
    `pinned: ${c.pinned}`,
    `system_prompt:${yamlText(c.systemPrompt)}`,
    `parameters: ${yamlFlow(withoutSecrets(c.params))}`,
    `parley_format: ${FORMAT_VERSION}`,
    '---',
    '',
    `# ${inlineText(c.title) || 'Untitled'}`,
    '',
  ];
  const w: Writer = { out, lines: [], clock, href: options.attachmentHref ?? besideTheFile, branches: [] };
  writeSection(w, { from: '', start: 1, messages: c.messages, before: { user: 0, assistant: 0 }, title: '' });
  // Each branch after the one it was found in, so a branch is listed after the version it starts from.
  if (w.branches.length > 0) out.push('## Other branches', '');
  for (const branch of w.branches) {
    out.push(`### ${branch.title}`, '');
    writeSection(w, branch);
  }
  out.push(DETAILS_START, ...w.lines, DETAILS_END, '');
  return out.join('\n');
}
