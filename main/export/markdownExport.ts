/**
 * One conversation as a Markdown file a person is glad to read and Parley reads back exactly
 * (see markdownFormat.ts for the structure). Same input, same bytes: no random markers, no
 * clock; times are shown in the given zone (the system's by default).
 */
import { wallClock } from './localTime';
import type { WallClock } from './localTime';
import { END_MARKER, FORMAT_VERSION, metaLine, writeRegion } from './markdownFormat';
import { redactUrl, withoutSecrets } from './redact';
import type { MessageMeta } from './schema';
import type { ExportAttachment, ExportConversation, ExportMessage, ExportVersion } from './types';
import { yamlFlow, yamlQuoted, yamlText } from './yaml';

export interface MarkdownOptions {
  /** IANA zone for the times people read, e.g. `Europe/Paris`; the system's when absent. */
  timeZone?: string;
  /** Where an attachment's bytes are; by default `attachments/<file>`, next to the Markdown file. */
  attachmentHref?: (attachment: ExportAttachment) => string;
}

/** The folder, next to an exported Markdown file, that holds its attachments. */
export const ATTACHMENT_LINK_FOLDER = 'attachments';

const besideTheFile = (attachment: ExportAttachment): string => attachment.href ?? `${ATTACHMENT_LINK_FOLDER}/${attachment.file ?? ''}`;

/** Text for a heading or note: one line, Markdown and HTML punctuation escaped. */
function inlineText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`*_[\]<>#|~!&$]/g, '\\$&');
}

/** Only the listed fields are written, so nothing unexpected on the object reaches the file. */
function meta(m: ExportVersion): MessageMeta {
  const out: MessageMeta = {
    id: m.id,
    role: m.role,
    status: m.status,
    model: m.model,
    createdAt: m.createdAt,
    finishReason: m.finishReason,
    firstTokenMs: m.firstTokenMs,
    durationMs: m.durationMs,
    usage: m.usage && { promptTokens: m.usage.promptTokens, completionTokens: m.usage.completionTokens, totalTokens: m.usage.totalTokens },
    error: m.error && {
      code: m.error.code,
      message: m.error.message,
      ...(m.error.status === undefined ? {} : { status: m.error.status }),
      ...(m.error.param === undefined ? {} : { param: m.error.param }),
    },
  };
  if (m.params) out.params = withoutSecrets(m.params);
  return out;
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
  if (m.durationMs !== null) parts.push(`${(m.durationMs / 1000).toFixed(1)} s`);
  return parts.length ? `<sub>${parts.join(' · ')}</sub>` : null;
}

/** Thinking, the text, then the notes a person reads under it. */
function writeBody(out: string[], m: ExportVersion): void {
  if (m.reasoning !== '') out.push('<details><summary>Thinking</summary>', '', writeRegion('reasoning', m.reasoning), '', '</details>', '');
  out.push(writeRegion('content', m.content), '');
  for (const line of [statusNote(m), usageLine(m)]) if (line !== null) out.push(line, '');
}

function heading(m: ExportVersion, clock: WallClock): string {
  const who = m.role === 'user' ? ['You'] : ['Assistant', ...(m.model ? [inlineText(m.model)] : [])];
  return [...who, clock.dateTime(m.createdAt)].join(' · ');
}

/** The attachments in the marker (name, type, size and link, never the stored file's name) and as links a person can follow. */
function writeAttachments(m: ExportMessage, href: (attachment: ExportAttachment) => string): { meta: MessageMeta['attachments']; lines: string[] } {
  const list = (m.attachments ?? []).map((a) => ({ name: a.name, kind: a.kind, mimeType: a.mimeType, bytes: a.bytes, href: href(a) }));
  const lines = list.map(({ name, kind, href: link }) => (kind === 'image' ? `![${inlineText(name)}](${link})` : `[${inlineText(name)}](${link})`));
  return { meta: list.length > 0 ? list : undefined, lines: lines.length > 0 ? [...lines, ''] : [] };
}

function writeMessage(out: string[], m: ExportMessage, clock: WallClock, href: (attachment: ExportAttachment) => string): void {
  const versions = m.versions;
  const attachments = writeAttachments(m, href);
  const fields = attachments.meta ? { ...meta(m), attachments: attachments.meta } : meta(m);
  out.push(metaLine('message', versions ? { ...fields, versions: versions.length } : fields), `## ${heading(m, clock)}`, '');
  writeBody(out, m);
  out.push(...attachments.lines);
  if (!versions?.length) return;
  // For people only (import reads the markers): an edited question has earlier wordings, not answers.
  const earlier = m.role === 'user' ? 'Earlier versions' : 'Earlier answers';
  out.push(`<details><summary>${earlier} (${versions.length})</summary>`, '');
  versions.forEach((v, i) => {
    out.push(metaLine('version', meta(v)), `### ${i + 1} of ${versions.length + 1} · ${heading(v, clock)}`, '');
    writeBody(out, v);
  });
  out.push('</details>', '');
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
  for (const m of c.messages) writeMessage(out, m, clock, options.attachmentHref ?? besideTheFile);
  out.push(END_MARKER, '');
  return out.join('\n');
}
