import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebDialogs } from '../../../../main/web/webDialogs';

let dataDir = '';
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('web-mode dialogs', () => {
  it('hands the file to the page to download, writing nothing', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-web-dialogs-'));
    const saved = await createWebDialogs(dataDir).saveFile('Parley backup 2026-11-26.json', '{}', 'application/json');
    expect(saved).toEqual({ savedTo: null, download: { fileName: 'Parley backup 2026-11-26.json', mimeType: 'application/json', content: '{}' } });
    expect(existsSync(join(dataDir, 'exports'))).toBe(false);
  });

  it('exports into a new folder named by the time, never into one already used', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-web-dialogs-'));
    const dialogs = createWebDialogs(dataDir, () => new Date(2026, 10, 26, 14, 3, 12));
    const first = await dialogs.pickFolder();
    const second = await dialogs.pickFolder();
    expect(first).toBe(join(dataDir, 'exports', '2026-11-26 140312'));
    expect(second).toBe(join(dataDir, 'exports', '2026-11-26 140312 (2)'));
    expect(existsSync(second as string)).toBe(true);
  });
});
