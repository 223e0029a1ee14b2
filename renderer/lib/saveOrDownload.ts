import type { SavedFile } from '../../shared/ipc';

/** Hands the page's file to the browser as a download: web mode has no save dialog. */
function download({ fileName, mimeType, content }: NonNullable<SavedFile['download']>) {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: revoking during the click can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Finishes what main did with a file: downloads it when main offers one (web mode), and
 * says where it went. Null when the person cancelled the save dialog: nothing to say.
 */
export function saveOrDownload(file: SavedFile): string | null {
  if (file.download) {
    download(file.download);
    return `Downloaded ${file.download.fileName}`;
  }
  return file.savedTo === null ? null : `Saved to ${file.savedTo}`;
}
