/**
 * What main wants the person to know, until they dismiss it. Notices that offer a way back (a
 * backup to restore, "Back up what can be read") are also kept in `<dataDir>/notices.json`, so
 * closing the app before acting on one does not lose the offer: it is shown again at the next
 * start until the person restores, or dismisses it.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Notice } from '../../shared/ipc';

export interface NoticeBoard {
  list(): Notice[];
  /** Shows a notice, replacing one with the same id. */
  post(notice: Notice): void;
  dismiss(id: string): boolean;
  /** Dismisses every notice `matches` accepts (the offers to restore, once a backup was restored). */
  dismissWhere(matches: (notice: Notice) => boolean): void;
}

export const noticesPath = (dataDir: string): string => join(dataDir, 'notices.json');

const noticeSchema = z.object({
  id: z.string().min(1),
  level: z.enum(['info', 'warning']),
  message: z.string(),
  backupFile: z.string().optional(),
  offers: z.array(z.enum(['back-up', 'choose-backup'])).optional(),
}) satisfies z.ZodType<Notice>;

const isOffer = (notice: Notice): boolean => notice.backupFile !== undefined || (notice.offers?.length ?? 0) > 0;

/** The offers kept by an earlier run; a backup that is gone since is offered through the list of backups instead. */
function readKept(file: string): Notice[] {
  try {
    const parsed = z.array(noticeSchema).safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) return [];
    return parsed.data.map(({ backupFile, ...notice }) =>
      backupFile === undefined || existsSync(backupFile) ? { ...notice, ...(backupFile ? { backupFile } : {}) } : { ...notice, offers: ['choose-backup'] },
    );
  } catch {
    return [];
  }
}

export function createNoticeBoard({ dataDir, initial }: { dataDir: string; initial: readonly Notice[] }): NoticeBoard {
  const file = noticesPath(dataDir);
  let notices: Notice[] = [];

  /** Best effort: on a full or read-only disk the offers still show for this run. */
  function keep(): void {
    try {
      const temp = `${file}.tmp`;
      writeFileSync(temp, JSON.stringify(notices.filter(isOffer), null, 2));
      renameSync(temp, file);
    } catch (error) {
      console.warn('[parley] could not keep the notices for the next start:', error instanceof Error ? error.message : error);
    }
  }

  function post(notice: Notice): void {
    notices = [...notices.filter((shown) => shown.id !== notice.id), notice];
    if (isOffer(notice)) keep();
  }

  for (const notice of [...readKept(file), ...initial]) post(notice);

  function dismissWhere(matches: (notice: Notice) => boolean): void {
    const dropped = notices.filter(matches);
    if (dropped.length === 0) return;
    notices = notices.filter((notice) => !matches(notice));
    if (dropped.some(isOffer)) keep();
  }

  return {
    list: () => notices,
    post,
    dismiss(id) {
      const found = notices.some((notice) => notice.id === id);
      dismissWhere((notice) => notice.id === id);
      return found;
    },
    dismissWhere,
  };
}
