/**
 * The Electron adapter with a scripted `dialog` (no Electron binary runs here): it writes the
 * file where the user chose, whole, and nothing when they cancel.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dialog, SaveDialogOptions } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { createElectronDialogs } from '../../../../main/electron/electronDialogs';

let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function scripted(answer: { canceled: boolean; filePath?: string; filePaths?: string[] }) {
  const asked: SaveDialogOptions[] = [];
  const dialog = {
    showSaveDialog: async (options: SaveDialogOptions) => {
      asked.push(options);
      return { canceled: answer.canceled, filePath: answer.filePath ?? '' };
    },
    showOpenDialog: async () => ({ canceled: answer.canceled, filePaths: answer.filePaths ?? [] }),
  } as unknown as Dialog;
  return { dialog, asked };
}

describe('Electron dialogs', () => {
  it('writes the file where the user chose, starting from Documents with the suggested name', async () => {
    folder = mkdtempSync(join(tmpdir(), 'parley-dialogs-'));
    const target = join(folder, 'chosen.md');
    const { dialog, asked } = scripted({ canceled: false, filePath: target });
    const saved = await createElectronDialogs({ dialog, window: () => null, defaultFolder: '/docs' }).saveFile('2026-11-26 Title.md', '# Hi\n', 'text/markdown');
    expect(saved).toEqual({ savedTo: target, download: null });
    expect(readFileSync(target, 'utf8')).toBe('# Hi\n');
    expect(readdirSync(folder)).toEqual(['chosen.md']);
    expect(asked[0]).toMatchObject({ defaultPath: join('/docs', '2026-11-26 Title.md'), filters: [{ name: 'MD', extensions: ['md'] }] });
  });

  it('writes nothing when the user cancels, and picks no folder', async () => {
    folder = mkdtempSync(join(tmpdir(), 'parley-dialogs-'));
    const dialogs = createElectronDialogs({ ...scripted({ canceled: true }), window: () => null, defaultFolder: folder });
    expect(await dialogs.saveFile('a.md', 'x', 'text/markdown')).toEqual({ savedTo: null, download: null });
    expect(await dialogs.pickFolder()).toBeNull();
    expect(readdirSync(folder)).toEqual([]);
  });
});
