import type { SavedFile } from '../../shared/ipc';

/**
 * Where main asks the user about files. In the app: the system's save and folder dialogs. In
 * web mode, which has no window of its own: a download the page offers, and a new folder in
 * the data folder.
 */
export interface Dialogs {
  /** Offers `content` under `suggestedName`: written where the user chose, not at all when they cancel, or handed to the page to download. */
  saveFile(suggestedName: string, content: string, mimeType: string): Promise<SavedFile>;
  /** A folder to export into, existing; null when the user cancels. */
  pickFolder(): Promise<string | null>;
}
