/**
 * A ChatGPT `conversations.json` goes to main in pieces, whatever its size: the page never holds
 * the file's text, and main reads it as it arrives (main/export/chatgptImportJobs.ts), so a
 * 200 MB export imports like a small one, with progress to show.
 */
import type { ParleyApi } from '../../../shared/ipc/client';
import type { ImportProgress, ImportReport } from '../../../shared/ipc';
import { base64Of } from '../../lib/base64';
import type { PickedFile } from './importSource';

/** 4 MiB of the file per call (LIMITS.importChunkChars holds its base64). */
export const CHUNK_BYTES = 4 * 1024 * 1024;

/** A ChatGPT export: a JSON file whose text starts with a list. Only its first bytes are read. */
export async function isChatGptExport({ file, path }: PickedFile): Promise<boolean> {
  if (!/\.json$/i.test(path)) return false;
  const start = await file.slice(0, 256).text();
  return start.replace(/^\ufeff/, '').trimStart().startsWith('[');
}

export interface UploadProgress extends Omit<ImportProgress, 'storedIds'> {
  /** The file's name, as the person chose it. */
  file: string;
  /** The file's size in bytes. */
  total: number;
}

/**
 * Sends the file and returns main's report. `stopped()` is asked between pieces: when it says
 * yes, main stops, keeping what it has imported.
 */
export async function uploadChatGptExport(
  api: ParleyApi,
  { file, path }: PickedFile,
  duplicates: 'skip' | 'replace',
  onProgress: (progress: UploadProgress) => void,
  stopped: () => boolean,
): Promise<ImportReport> {
  const { jobId } = await api.beginImport({ name: path, duplicates });
  onProgress({ file: path, total: file.size, bytes: 0, imported: 0, skipped: 0 });
  for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
    if (stopped()) return api.cancelImport({ jobId });
    const { bytes, imported, skipped } = await api.importChunk({ jobId, data: await base64Of(file.slice(offset, offset + CHUNK_BYTES)) });
    onProgress({ file: path, total: file.size, bytes, imported, skipped });
  }
  return api.finishImport({ jobId });
}
