import { pickedFromList, type PickedFile } from './importSource';

/**
 * The part of the File and Directory Entries API a drop walk uses. The browser's
 * FileSystemEntry fits it; jsdom has no entries, so tests hand in their own.
 */
export interface Entry {
  readonly name: string;
  readonly fullPath: string;
  readonly isFile: boolean;
  readonly isDirectory: boolean;
}
export interface FileEntry extends Entry {
  file(success: (file: File) => void, failure?: (error: DOMException) => void): void;
}
export interface DirectoryEntry extends Entry {
  createReader(): { readEntries(success: (entries: Entry[]) => void, failure?: (error: DOMException) => void): void };
}

/** A dropped item as a drop walk reads it: the browser's DataTransferItem, or a test's. */
export interface DropItem {
  readonly kind: string;
  /** Absent where the browser has no entries API (and in jsdom). */
  webkitGetAsEntry?(): Entry | null;
}

const isFileEntry = (entry: Entry): entry is FileEntry => entry.isFile && 'file' in entry;
const isDirectoryEntry = (entry: Entry): entry is DirectoryEntry => entry.isDirectory && 'createReader' in entry;

/** Everything in a directory: `readEntries` hands over a batch per call (100 in Chromium) until an empty one. */
async function readAll(directory: DirectoryEntry): Promise<Entry[]> {
  const reader = directory.createReader();
  const entries: Entry[] = [];
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return entries;
    entries.push(...batch);
  }
}

/** The files under an entry, each with its path from the dropped item ("notes/2024/a.md"). */
export async function walkEntry(entry: Entry): Promise<PickedFile[]> {
  if (isFileEntry(entry)) {
    const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
    return [{ file, path: entry.fullPath.replace(/^\//, '') || entry.name }];
  }
  if (!isDirectoryEntry(entry)) return [];
  const children = await readAll(entry);
  return (await Promise.all(children.map(walkEntry))).flat();
}

/**
 * The files a drop carries, folders walked. Entries are taken before the first await:
 * the browser empties the DataTransfer once the drop event is over. Without entries
 * (an older browser, a test), the plain file list is used, which cannot hold folders.
 */
export function filesFromDrop(data: { items: Iterable<DropItem>; files: Iterable<File> }): Promise<PickedFile[]> {
  const entries = [...data.items].filter((item) => item.kind === 'file').map((item) => item.webkitGetAsEntry?.() ?? null);
  const walkable = entries.filter((entry): entry is Entry => entry !== null);
  if (walkable.length === 0 || walkable.length < entries.length) return Promise.resolve(pickedFromList(data.files));
  return Promise.all(walkable.map(walkEntry)).then((lists) => lists.flat());
}

/** A drag of files from the desktop, not of text or a link within the page. */
export const carriesFiles = (data: Pick<DataTransfer, 'types'> | null) => data?.types.includes('Files') ?? false;
