import { describe, expect, it } from 'vitest';
import { conversationFileStem, cutToBytes, FileNameAllocator, MAX_STEM_BYTES, safeTitle } from '../../../../main/export/fileNames';

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const T = Date.UTC(2026, 10, 26, 23, 30);

describe('file names', () => {
  it('start with the date in the given zone, then the title', () => {
    expect(conversationFileStem('Sorting in Python', T, 'UTC')).toBe('2026-11-26 Sorting in Python');
    expect(conversationFileStem('Sorting in Python', T, 'Asia/Tokyo')).toBe('2026-11-27 Sorting in Python');
  });

  it('replace characters illegal on Windows, macOS or Linux, controls and bidi overrides', () => {
    expect(safeTitle('Re: a/b\\c|d "e" <f>? *g*')).toBe("Re - a-b-c-d 'e' f g");
    expect(safeTitle('tab\there\nnew\u0000line\u202etxt.exe')).toBe('tab here new line txt.exe');
    expect(safeTitle('ends with dots and spaces. . .  ')).toBe('ends with dots and spaces');
    expect(safeTitle('...hidden')).toBe('hidden');
  });

  it('never give a reserved device name, in any case or with an extension', () => {
    for (const title of ['CON', 'con', 'Prn', 'aux', 'NUL', 'nul.txt', 'COM1', 'com9.md', 'LPT1', 'lpt5', 'COM¹', 'nul .txt']) {
      expect(safeTitle(title).split('.')[0]?.trim()).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i);
    }
    expect(safeTitle('nul.txt')).toBe('nul_.txt');
    expect(safeTitle('CONSOLE')).toBe('CONSOLE');
  });

  it('call an empty or all-illegal title Untitled', () => {
    for (const title of ['', '   ', '???', '...', '\u0000\u0001']) expect(safeTitle(title)).toBe('Untitled');
  });

  it('are normalised to NFC', () => {
    expect(safeTitle('Cafe\u0301')).toBe('Caf\u00e9');
  });

  it('stay within the byte limit, cut between whole characters (emoji sequences too)', () => {
    const names = new FileNameAllocator();
    const family = '👨‍👩‍👧‍👦';
    for (const title of ['x'.repeat(300), '東'.repeat(100), family.repeat(20), `${'a'.repeat(100)}${family}${family}`, `${'a'.repeat(109)}😀😀`]) {
      const name = names.allocate(conversationFileStem(title, T, 'UTC'), '.md');
      const stem = name.slice(0, -3);
      expect(bytes(stem)).toBeLessThanOrEqual(MAX_STEM_BYTES);
      expect(stem).toBe(stem.normalize('NFC'));
      expect(stem).not.toMatch(/\p{Cs}/u); // no half of a surrogate pair
      expect(stem.replace(/^2026-11-26 /, '').replace(/ \(\d+\)$/, '').replace(new RegExp(family, 'g'), '')).not.toMatch(/[\u200d\u{1F466}-\u{1F469}]/u);
    }
    expect(cutToBytes('ab😀', 5)).toBe('ab');
    expect(cutToBytes('ab😀', 6)).toBe('ab😀');
  });

  it('resolve clashes with (2), (3)… ignoring case and normalisation, also against files already there', () => {
    const names = new FileNameAllocator(['2026-11-26 Notes.md', '2026-11-26 CAFÉ.md']);
    expect(names.allocate('2026-11-26 notes', '.md')).toBe('2026-11-26 notes (2).md');
    expect(names.allocate('2026-11-26 NOTES', '.md')).toBe('2026-11-26 NOTES (3).md');
    expect(names.allocate('2026-11-26 cafe\u0301', '.md')).toBe('2026-11-26 café (2).md');
    expect(names.allocate('2026-11-26 Other', '.md')).toBe('2026-11-26 Other.md');
  });

  it('keep the suffix within the limit when the title is long', () => {
    const names = new FileNameAllocator();
    const stem = conversationFileStem('y'.repeat(200), T, 'UTC');
    const first = names.allocate(stem, '.md');
    const second = names.allocate(stem, '.md');
    expect(second.endsWith(' (2).md')).toBe(true);
    expect(bytes(second.slice(0, -3))).toBeLessThanOrEqual(MAX_STEM_BYTES);
    expect(first).not.toBe(second);
  });
});
