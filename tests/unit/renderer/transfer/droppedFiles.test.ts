import { describe, expect, it } from 'vitest';
import { carriesFiles, filesFromDrop, walkEntry, type FileEntry } from '../../../../renderer/features/transfer/droppedFiles';
import { readImportable, sizeProblem } from '../../../../renderer/features/transfer/importSource';
import { LIMITS } from '../../../../shared/ipc';
import { directoryEntry, fileEntry } from './fakeEntries';

const contents = async (picked: { file: File; path: string }[]) => Promise.all(picked.map(async ({ file, path }) => [path, await file.text()]));

describe('walking a dropped folder', () => {
  it('finds every file, in nested folders and across reader batches, with its path', async () => {
    const folder = directoryEntry('exports', [
      fileEntry('exports/a.md', 'A'),
      fileEntry('exports/b.md', 'B'),
      fileEntry('exports/c.json', 'C'),
      directoryEntry('exports/2024', [fileEntry('exports/2024/d.md', 'D'), directoryEntry('exports/2024/empty', [])]),
    ]);
    expect(await contents(await walkEntry(folder))).toEqual([
      ['exports/a.md', 'A'],
      ['exports/b.md', 'B'],
      ['exports/c.json', 'C'],
      ['exports/2024/d.md', 'D'],
    ]);
  });

  it('fails when a file cannot be read', async () => {
    const broken: FileEntry = { ...fileEntry('gone.md', ''), file: (_success, failure) => failure?.(new DOMException('The file is gone.', 'NotFoundError')) };
    await expect(walkEntry(directoryEntry('exports', [broken]))).rejects.toThrow('The file is gone.');
  });
});

describe('the files a drop carries', () => {
  it('walks the entries of file items and ignores the rest', async () => {
    const items = [
      { kind: 'file', webkitGetAsEntry: () => fileEntry('notes.md', 'N') },
      { kind: 'string' },
      { kind: 'file', webkitGetAsEntry: () => directoryEntry('exports', [fileEntry('exports/a.md', 'A')]) },
    ];
    expect(await contents(await filesFromDrop({ items, files: [] }))).toEqual([
      ['notes.md', 'N'],
      ['exports/a.md', 'A'],
    ]);
  });

  it('falls back to the plain file list where items have no entries', async () => {
    const files = [new File(['X'], 'x.md'), new File(['Y'], 'y.json')];
    expect(await contents(await filesFromDrop({ items: [{ kind: 'file' }, { kind: 'file' }], files }))).toEqual([
      ['x.md', 'X'],
      ['y.json', 'Y'],
    ]);
  });

  it('takes only drags that carry files', () => {
    expect(carriesFiles({ types: ['Files'] })).toBe(true);
    expect(carriesFiles({ types: ['text/plain', 'text/html'] })).toBe(false);
    expect(carriesFiles(null)).toBe(false);
  });
});

describe('reading what can be imported', () => {
  it('reads Markdown and JSON files in order and reports the others as skipped', async () => {
    const picked = [
      { file: new File(['# A'], 'a.MD'), path: 'exports/a.MD' },
      { file: new File(['x'], 'photo.png'), path: 'exports/photo.png' },
      { file: new File(['{}'], 'conversations.json'), path: 'conversations.json' },
      { file: new File(['# B'], 'b.markdown'), path: 'b.markdown' },
    ];
    expect(await readImportable(picked)).toEqual({
      files: [
        { name: 'exports/a.MD', content: '# A' },
        { name: 'conversations.json', content: '{}' },
        { name: 'b.markdown', content: '# B' },
      ],
      skipped: [{ source: 'exports/photo.png', reason: 'not a Markdown or JSON file' }],
    });
  });

  it('says when files are too many or too large for one import', () => {
    expect(sizeProblem([{ name: 'a.md', content: 'small' }])).toBeNull();
    const many = Array.from({ length: LIMITS.importFiles + 1 }, (_, index) => ({ name: `${index}.md`, content: '' }));
    expect(sizeProblem(many)).toMatch(/^Too many files for one import/);
    expect(sizeProblem([{ name: 'huge.json', content: 'x'.repeat(LIMITS.importChars + 1) }])).toMatch(/^These files are too large for one import/);
  });
});
