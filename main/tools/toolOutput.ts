/**
 * What an MCP tool returned, as Parley keeps it: the text parts joined (resources by their text
 * or address, structured content as JSON when there is no text), and images stored like attached
 * files, checked by their bytes the same way. All of it is untrusted: it is only ever text to the
 * page and to the model.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Attachment } from '../../shared/ipc';
import type { AttachmentFiles } from '../attachments/attachmentFiles';
import type { ToolOutput } from '../chat/chatTools';

/** More than this goes neither to the model nor into history: a tool can return megabytes. */
export const MAX_RESULT_CHARS = 100_000;

function truncated(text: string): string {
  if (text.length <= MAX_RESULT_CHARS) return text;
  return `${text.slice(0, MAX_RESULT_CHARS)}\n\n[Parley cut the result here: it was ${text.length.toLocaleString('en')} characters long.]`;
}

type ContentPart = CallToolResult['content'][number];

function textOf(part: ContentPart): string | null {
  switch (part.type) {
    case 'text':
      return part.text;
    case 'resource':
      return 'text' in part.resource ? part.resource.text : `[A file the tool returned: ${part.resource.uri}]`;
    case 'resource_link':
      return `[Link: ${part.name} ${part.uri}]`;
    case 'audio':
      return '[The tool returned audio, which Parley does not play.]';
    default:
      return null;
  }
}

export async function toToolOutput(result: CallToolResult, attachments: Pick<AttachmentFiles, 'save'>): Promise<ToolOutput> {
  const texts: string[] = [];
  const images: Attachment[] = [];
  for (const [index, part] of (result.content ?? []).entries()) {
    if (part.type !== 'image') {
      const text = textOf(part);
      if (text !== null) texts.push(text);
      continue;
    }
    try {
      images.push(await attachments.save(`tool-image-${index + 1}`, Buffer.from(part.data, 'base64')));
    } catch (error) {
      texts.push(`[An image the tool returned was not kept: ${error instanceof Error ? error.message : String(error)}]`);
    }
  }
  if (texts.length === 0 && result.structuredContent !== undefined) texts.push(JSON.stringify(result.structuredContent, null, 2));
  return { text: truncated(texts.join('\n\n')), images, isError: result.isError === true };
}
