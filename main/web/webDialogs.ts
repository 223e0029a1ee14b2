/**
 * The Dialogs port in web mode. The page downloads what would be saved (the browser asks
 * where), and a folder export goes to a new folder under `<data folder>/exports`, named by
 * the time it started, which the export's status reports so the page can say where it is.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dialogs } from '../files/dialogs';
import { readableTimestamp } from '../files/fileTimestamp';

/** `exports/2026-11-26 140312`, or `… (2)` when an export started in the same second. */
async function newFolder(parent: string, date: Date): Promise<string> {
  await mkdir(parent, { recursive: true });
  const stem = readableTimestamp(date);
  for (let n = 1; ; n++) {
    const folder = join(parent, n === 1 ? stem : `${stem} (${n})`);
    try {
      await mkdir(folder);
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

export function createWebDialogs(dataDir: string, now: () => Date = () => new Date()): Dialogs {
  return {
    saveFile: async (fileName, content, mimeType) => ({ savedTo: null, download: { fileName, mimeType, content } }),
    pickFolder: () => newFolder(join(dataDir, 'exports'), now()),
  };
}
