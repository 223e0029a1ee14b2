/**
 * Many conversations into a folder, one Markdown file each. A file appears only when it is
 * complete (written under a temporary name, then linked into place), an existing file is
 * never replaced, and cancelling stops before the next file and removes the one in progress.
 */
import { link, lstat, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { conversationFileStem, FileNameAllocator } from './fileNames';
import { conversationToMarkdown } from './markdownExport';
import type { ExportConversation } from './types';

/** Conversations as they come (a stream from the store), or ids and a loader. */
export type ConversationSource =
  | Iterable<ExportConversation>
  | AsyncIterable<ExportConversation>
  | { ids: readonly string[]; load: (id: string) => ExportConversation | Promise<ExportConversation> };

export interface ExportProgress {
  /** Conversations handled so far, written or skipped. */
  done: number;
  /** Known when the source is an array or a list of ids. */
  total: number | null;
  /** The file just written; null when the conversation was skipped. */
  file: string | null;
}

export interface FolderExportOptions {
  conversations: ConversationSource;
  folder: string;
  onProgress?: (progress: ExportProgress) => void;
  signal?: AbortSignal;
  /** IANA zone for dates in names and times in headings; the system's when absent. */
  timeZone?: string;
  /** Puts a written conversation's attachments next to its file, where its links point. */
  copyAttachments?: (conversation: ExportConversation, folder: string) => Promise<void>;
}

export interface FolderExportResult {
  /** Full paths of the files written, in order. */
  written: string[];
  skipped: { id: string; reason: string }[];
  /** True when the signal stopped the export before the end. */
  cancelled: boolean;
}

type Item = { id: string; conversation: ExportConversation } | { id: string; error: unknown };

async function* items(source: ConversationSource): AsyncGenerator<Item> {
  if ('ids' in source) {
    for (const id of source.ids) {
      try {
        yield { id, conversation: await source.load(id) };
      } catch (error) {
        yield { id, error };
      }
    }
  } else {
    for await (const conversation of source) yield { id: conversation.id, conversation };
  }
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const codeOf = (error: unknown): unknown => (error as NodeJS.ErrnoException | null)?.code;
/** File systems without hard links (FAT, exFAT, some network shares) answer with one of these. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EACCES']);

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

let tempCounter = 0;

/** Writes under a temporary name, then links it to the first free name: `link` fails rather than replace a file. */
async function writeNewFile(folder: string, names: FileNameAllocator, stem: string, data: string, signal?: AbortSignal): Promise<string> {
  const temp = join(folder, `.parley-export-${process.pid}-${tempCounter++}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx', signal });
    for (;;) {
      const target = join(folder, names.allocate(stem, '.md'));
      try {
        await link(temp, target);
        return target;
      } catch (error) {
        if (codeOf(error) === 'EEXIST') continue;
        if (!NO_LINKS.has(codeOf(error) as string)) throw error;
      }
      if (await exists(target)) continue;
      await rename(temp, target);
      return target;
    }
  } finally {
    await rm(temp, { force: true });
  }
}

export async function exportConversations(options: FolderExportOptions): Promise<FolderExportResult> {
  const { conversations: source, folder, onProgress, signal } = options;
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const total = 'ids' in source ? source.ids.length : Array.isArray(source) ? source.length : null;
  await mkdir(folder, { recursive: true });
  const names = new FileNameAllocator(await readdir(folder));
  const result: FolderExportResult = { written: [], skipped: [], cancelled: false };
  for await (const item of items(source)) {
    if (signal?.aborted) {
      result.cancelled = true;
      break;
    }
    let file: string | null = null;
    if ('error' in item) {
      result.skipped.push({ id: item.id, reason: `could not be loaded: ${errorText(item.error)}` });
    } else {
      const c = item.conversation;
      try {
        // Attachments first: a file that appears links to nothing missing.
        await options.copyAttachments?.(c, folder);
        file = await writeNewFile(folder, names, conversationFileStem(c.title, c.createdAt, timeZone), conversationToMarkdown(c, { timeZone }), signal);
        result.written.push(file);
      } catch (error) {
        if (signal?.aborted) {
          result.cancelled = true;
          break;
        }
        result.skipped.push({ id: item.id, reason: errorText(error) });
      }
    }
    onProgress?.({ done: result.written.length + result.skipped.length, total, file });
  }
  return result;
}
