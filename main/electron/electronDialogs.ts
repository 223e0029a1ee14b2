/**
 * The Dialogs port over Electron's native dialogs. Thin on purpose: it cannot run without the
 * Electron binary, so it only asks and writes; what is written is decided and tested elsewhere.
 */
import { extname, join } from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { Dialogs } from '../files/dialogs';
import { writeFileAtomic } from '../files/writeFileAtomic';

export interface ElectronDialogsDeps {
  dialog: Dialog;
  /** The window the dialogs belong to (sheets on macOS); null shows them on their own. */
  window: () => BrowserWindow | null;
  /** Where the save dialog starts: the user's Documents folder. */
  defaultFolder: string;
}

export function createElectronDialogs({ dialog, window, defaultFolder }: ElectronDialogsDeps): Dialogs {
  const showSave = (options: SaveDialogOptions) => {
    const parent = window();
    return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
  };
  const showOpen = (options: OpenDialogOptions) => {
    const parent = window();
    return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
  };

  return {
    async saveFile(suggestedName, content) {
      const extension = extname(suggestedName).slice(1);
      const { canceled, filePath } = await showSave({
        defaultPath: join(defaultFolder, suggestedName),
        filters: extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [],
      });
      if (canceled || !filePath) return { savedTo: null, download: null };
      await writeFileAtomic(filePath, content);
      return { savedTo: filePath, download: null };
    },
    async pickFolder() {
      const { canceled, filePaths } = await showOpen({ properties: ['openDirectory', 'createDirectory'] });
      return canceled ? null : (filePaths[0] ?? null);
    },
  };
}
