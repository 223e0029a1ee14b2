import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNoticeBoard, noticesPath } from '../../../../main/notices/noticeBoard';
import type { Notice } from '../../../../shared/ipc';
import { useTempDir } from '../history/support/tempHistory';

const tempDir = useTempDir();

describe('the notice board', () => {
  it('keeps offers to restore across starts until dismissed, and shows other notices once', () => {
    const dataDir = tempDir();
    const backup = join(dataDir, 'history-v6.sqlite3');
    writeFileSync(backup, 'a backup');
    const offer: Notice = { id: 'history-moved-aside', level: 'warning', message: 'Damaged.', backupFile: backup, offers: ['choose-backup'] };
    const once: Notice = { id: 'store-moved-aside:config.json', level: 'warning', message: 'Settings moved aside.' };
    createNoticeBoard({ dataDir, initial: [offer, once] });

    const next = createNoticeBoard({ dataDir, initial: [] });
    expect(next.list()).toEqual([offer]);
    expect(next.dismiss(offer.id)).toBe(true);
    expect(createNoticeBoard({ dataDir, initial: [] }).list()).toEqual([]);
  });

  it('offers the list of backups instead when the offered backup is gone, and ignores a damaged file', () => {
    const dataDir = tempDir();
    const offer: Notice = { id: 'history-moved-aside', level: 'warning', message: 'Damaged.', backupFile: join(dataDir, 'gone.sqlite3') };
    createNoticeBoard({ dataDir, initial: [offer] });
    expect(createNoticeBoard({ dataDir, initial: [] }).list()).toEqual([{ id: offer.id, level: 'warning', message: 'Damaged.', offers: ['choose-backup'] }]);

    writeFileSync(noticesPath(dataDir), '{ not json');
    expect(createNoticeBoard({ dataDir, initial: [] }).list()).toEqual([]);
    rmSync(noticesPath(dataDir));
  });
});
