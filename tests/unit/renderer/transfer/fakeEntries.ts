/**
 * File and directory entries as Chromium hands them to a drop: jsdom has none. Directory
 * readers answer in batches, asynchronously, ending with an empty batch, like the real ones.
 */
import type { DirectoryEntry, Entry, FileEntry } from '../../../../renderer/features/transfer/droppedFiles';

const nameOf = (path: string) => path.split('/').at(-1) ?? path;

export function fileEntry(path: string, content: string): FileEntry {
  return { name: nameOf(path), fullPath: `/${path}`, isFile: true, isDirectory: false, file: (success) => setTimeout(() => success(new File([content], nameOf(path)))) };
}

export function directoryEntry(path: string, children: Entry[], batch = 2): DirectoryEntry {
  return {
    name: nameOf(path),
    fullPath: `/${path}`,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (success) => {
          const next = children.slice(at, at + batch);
          at += batch;
          setTimeout(() => success(next));
        },
      };
    },
  };
}
