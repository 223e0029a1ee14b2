import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataFolder } from '../../../main/dataFolder';
import { backupDir, historyPath } from '../../../main/history/historyFiles';
import { createConfStore } from '../../../main/settings/createConfStore';
import { useTempDir } from './history/support/tempHistory';

const tempDir = useTempDir();
const input = (title: string) => ({ title, model: 'm', systemPrompt: '', params: {} });

describe('the data folder', () => {
  it('offers the newest backup when the history is damaged, and restoring it brings the conversations back', async () => {
    const dataDir = tempDir();
    const first = await openDataFolder(dataDir, createConfStore);
    first.history.createConversation(input('Kept in the backup'));
    first.history.close();
    mkdirSync(backupDir(dataDir), { recursive: true });
    const backup = path.join(backupDir(dataDir), 'history-v3-20260101-000000.sqlite3');
    copyFileSync(historyPath(dataDir), backup);
    writeFileSync(historyPath(dataDir), 'this is not a database, it is a shopping list');

    const second = await openDataFolder(dataDir, createConfStore);
    const notice = second.notices.find((n) => n.backupFile);
    expect(notice?.backupFile).toBe(backup);
    expect(notice?.message).toMatch(/damaged/);
    expect(second.history.listConversations()).toEqual([]);

    await second.restoreHistoryBackup(backup);
    expect(second.history.listConversations().map((c) => c.title)).toEqual(['Kept in the backup']);
    second.history.close();
  });

  it('keeps the current history open when a restore is refused', async () => {
    const dataDir = tempDir();
    const folder = await openDataFolder(dataDir, createConfStore);
    folder.history.createConversation(input('Still here'));
    const outside = path.join(dataDir, 'elsewhere.sqlite3');
    writeFileSync(outside, '');

    await expect(folder.restoreHistoryBackup(outside)).rejects.toMatchObject({ appError: { message: expect.stringMatching(/unchanged/) } });
    expect(folder.history.listConversations().map((c) => c.title)).toEqual(['Still here']);
    folder.history.close();
  });
});
