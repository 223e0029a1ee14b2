/**
 * Parley Markdown files back in, from files and folders (as dropped on the window). Folders
 * are read recursively, since people file exports into subfolders of a notes vault, but hidden
 * folders (`.obsidian`, `.git`, `.trash`) and symbolic links are not followed. A file that
 * cannot be read is reported and the rest go on; nothing is stored here.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { emptyReport } from './importReport';
import type { ImportResult } from './importReport';
import { markdownToConversation } from './markdownImport';

/** Far above any real conversation; a bigger file is not read into memory. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

async function markdownFiles(path: string, out: string[]): Promise<void> {
  const info = await lstat(path);
  if (info.isFile()) {
    out.push(path);
    return;
  }
  if (!info.isDirectory()) return;
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) await markdownFiles(child, out);
    else if (entry.isFile() && extname(entry.name).toLowerCase() === '.md') out.push(child);
  }
}

export interface MarkdownImportOptions {
  signal?: AbortSignal;
}

/** Files given by path are read whatever their extension; inside folders, only `.md` files. */
export async function importMarkdownPaths(paths: readonly string[], options: MarkdownImportOptions = {}): Promise<ImportResult> {
  const result: ImportResult = { conversations: [], report: emptyReport() };
  const skip = (source: string, reason: string): void => void result.report.skipped.push({ source, reason });
  const files: string[] = [];
  for (const path of paths) {
    try {
      await markdownFiles(path, files);
    } catch (error) {
      skip(path, `could not be read: ${(error as Error).message}`);
    }
  }
  const seen = new Map<string, string>();
  for (const file of files) {
    options.signal?.throwIfAborted();
    try {
      if ((await lstat(file)).size > MAX_FILE_BYTES) {
        skip(file, `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, so not read.`);
        continue;
      }
      const conversation = markdownToConversation(await readFile(file, 'utf8'));
      const first = seen.get(conversation.id);
      if (first !== undefined) {
        skip(file, `the same conversation as ${first}, which is imported.`);
        continue;
      }
      seen.set(conversation.id, file);
      result.conversations.push(conversation);
      result.report.imported.push({ id: conversation.id, title: conversation.title });
    } catch (error) {
      skip(file, (error as Error).message);
    }
  }
  return result;
}

export const importMarkdownFolder = (folder: string, options?: MarkdownImportOptions): Promise<ImportResult> => importMarkdownPaths([folder], options);
