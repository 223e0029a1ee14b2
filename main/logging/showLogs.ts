/** "Show logs": opens the logs folder in the system's file manager (created first, so it exists). */
import { mkdir } from 'node:fs/promises';
import type { Shell } from 'electron';
import { logsFolder } from './logger';

/** Resolves with '' on success, else the system's reason (what `shell.openPath` reports). */
export async function showLogs(shell: Pick<Shell, 'openPath'>, dataDir: string): Promise<string> {
  const folder = logsFolder(dataDir);
  await mkdir(folder, { recursive: true });
  return shell.openPath(folder);
}
