/**
 * Attachments of imported conversations, and images their tools returned, stored again in the data folder. An export links to
 * each file: `attachments/<name>` next to its Markdown file (the page sends those files along
 * with the Markdown, as base64) or a data: URL inside it. A backup names stored files only: the
 * record is kept, and the message shows the file as missing when this data folder lacks it. A
 * linked file that cannot be found or is not a file Parley takes is left out and reported; the
 * conversation is imported all the same.
 */
import { posix } from 'node:path';
import type { Attachment } from '../../shared/ipc';
import type { AttachmentFiles } from '../attachments/attachmentFiles';
import { everyNode, mapNodes } from './exportTree';
import type { ExportAttachment, ExportConversation, ExportNode, ExportToolCall } from './types';

/** Files sent with the import that are not documents: their path (as picked) to their bytes in base64. */
export type ProvidedFiles = ReadonlyMap<string, string>;

type Files = Pick<AttachmentFiles, 'save' | 'read'>;

const DATA_URL = /^data:[^;,]*;base64,/;

/** The bytes `href` points to, seen from the Markdown file `from`; null when they are not here. */
function linkedBytes(href: string, from: string, provided: ProvidedFiles): Buffer | null {
  const match = DATA_URL.exec(href);
  if (match) return Buffer.from(href.slice(match[0].length), 'base64');
  const base64 = provided.get(posix.normalize(posix.join(posix.dirname(from), href)));
  return base64 === undefined ? null : Buffer.from(base64, 'base64');
}

async function storedAttachment(a: ExportAttachment, from: string, provided: ProvidedFiles, files: Files): Promise<Attachment | string> {
  const bytes = a.href === undefined ? null : linkedBytes(a.href, from, provided);
  if (bytes) {
    try {
      return await files.save(a.name, bytes);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
  if (a.href === undefined && a.file !== undefined) {
    // A backup names the stored file only: the record is kept whether or not the file is here (the message shows it as missing).
    return { file: a.file, name: a.name, kind: a.kind, mimeType: a.mimeType, bytes: a.bytes };
  }
  return 'its file was not found next to the Markdown file (import the folder with its attachments/ folder).';
}

/** What one file list of a message (its attachments, a call's images) keeps; see storeImportedAttachments. */
type StoreList = (list: readonly ExportAttachment[]) => Promise<Attachment[]>;

/** A copy of one message (its other fields kept) with its files and its tools' images stored. */
async function storeNode(m: ExportNode, storeList: StoreList): Promise<ExportNode> {
  const node: ExportNode = { ...m };
  if (m.toolCalls?.some((call) => call.resultImages.length > 0)) {
    const toolCalls: ExportToolCall[] = [];
    for (const call of m.toolCalls) toolCalls.push({ ...call, resultImages: await storeList(call.resultImages) });
    node.toolCalls = toolCalls;
  }
  if (m.attachments?.length) {
    const kept = await storeList(m.attachments);
    if (kept.length > 0) node.attachments = kept;
    else delete node.attachments;
  }
  return node;
}

/**
 * The conversation with every attachment and every image its tools returned stored and named by
 * its stored file; `skip` hears about each one left out, `withoutFile` about each one kept whose
 * file is not in this data folder.
 */
export async function storeImportedAttachments(
  c: ExportConversation,
  from: string,
  provided: ProvidedFiles,
  files: Files,
  skip: (name: string, reason: string) => void,
  withoutFile: (name: string) => void = () => undefined,
): Promise<ExportConversation> {
  const storeList: StoreList = async (list) => {
    const kept: Attachment[] = [];
    for (const a of list) {
      const stored = await storedAttachment(a, from, provided, files);
      if (typeof stored === 'string') skip(a.name, stored);
      else kept.push(stored);
      if (typeof stored !== 'string' && a.href === undefined && !(await files.read(stored.file).then(() => true, () => false))) withoutFile(a.name);
    }
    return kept;
  };
  // Stored one by one, in file order (the report names them so), then put back in their places on every branch.
  const stored = new Map<ExportNode, ExportNode>();
  for (const node of everyNode(c.messages)) stored.set(node, await storeNode(node, storeList));
  return { ...c, messages: mapNodes(c.messages, <N extends ExportNode>(node: N): N => (stored.get(node) as N | undefined) ?? node) };
}
