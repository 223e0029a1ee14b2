import { existsSync, readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAttachmentFiles } from '../../../../main/attachments/attachmentFiles';
import { useTempDir } from '../history/support/tempHistory';
import { PIXEL_PNG, ZIP_HEAD } from './support';

const tempDir = useTempDir();

describe('attachment files in the data folder', () => {
  it('stores a file under the SHA-256 of its bytes, once, whatever it was called', async () => {
    const dataDir = tempDir();
    const files = createAttachmentFiles(dataDir);
    const first = await files.save('screenshot.txt', PIXEL_PNG);
    const again = await files.save('other name.png', PIXEL_PNG);
    expect(first).toEqual({ file: expect.stringMatching(/^[0-9a-f]{64}\.png$/), name: 'screenshot.txt', kind: 'image', mimeType: 'image/png', bytes: PIXEL_PNG.length });
    expect(again.file).toBe(first.file);
    expect(readdirSync(join(dataDir, 'attachments'))).toEqual([first.file]);
    expect(await files.read(first.file)).toEqual(PIXEL_PNG);
    expect(await files.dataUrl(first)).toBe(`data:image/png;base64,${PIXEL_PNG.toString('base64')}`);
  });

  it('refuses what the page should have refused: wrong content, too large, and names outside the folder', async () => {
    const files = createAttachmentFiles(tempDir());
    await expect(files.save('notes.md', ZIP_HEAD)).rejects.toMatchObject({ appError: { code: 'invalid-request', message: expect.stringContaining('"notes.md" cannot be attached') } });
    await expect(files.save('big.txt', Buffer.alloc(2 * 1024 * 1024, 'a'))).rejects.toMatchObject({ appError: { message: '"big.txt" is 2 MB; a text file can be at most 1 MB.' } });
    await expect(files.read('../history.sqlite3')).rejects.toMatchObject({ appError: { message: 'That attachment is not one Parley stored.' } });
    await expect(files.read(`${'0'.repeat(64)}.png`)).rejects.toMatchObject({ appError: { message: expect.stringContaining('missing from the data folder') } });
  });

  it('at start-up removes files no message refers to, but not one attached since', async () => {
    const dataDir = tempDir();
    const files = createAttachmentFiles(dataDir);
    const kept = await files.save('kept.png', PIXEL_PNG);
    const orphan = await files.save('orphan.txt', Buffer.from('nobody sent me'));
    const fresh = await files.save('fresh.txt', Buffer.from('attached just now'));
    const startedAt = Date.now();
    for (const { file } of [kept, orphan]) utimesSync(join(dataDir, 'attachments', file), new Date(startedAt - 60_000), new Date(startedAt - 60_000));
    utimesSync(join(dataDir, 'attachments', fresh.file), new Date(startedAt + 1_000), new Date(startedAt + 1_000));

    expect(await files.removeUnreferenced(new Set([kept.file]), startedAt)).toBe(1);
    expect(existsSync(join(dataDir, 'attachments', orphan.file))).toBe(false);
    expect(readdirSync(join(dataDir, 'attachments')).sort()).toEqual([kept.file, fresh.file].sort());
  });

  it('copies a file next to an export once, and says plainly when it is missing', async () => {
    const dataDir = tempDir();
    const files = createAttachmentFiles(dataDir);
    const stored = await files.save('a.png', PIXEL_PNG);
    const target = tempDir();
    await files.copyTo(stored.file, target);
    await files.copyTo(stored.file, target);
    expect(readdirSync(target)).toEqual([stored.file]);
    await expect(files.copyTo(`${'1'.repeat(64)}.png`, target)).rejects.toMatchObject({ appError: { message: expect.stringContaining('missing') } });
  });
});
