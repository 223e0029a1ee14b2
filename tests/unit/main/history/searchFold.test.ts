import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/history/database';
import { fold } from '../../../../shared/searchText';

/**
 * The window marks and checks matches with shared/searchText.ts; SQLite's trigram index finds
 * them. Both must fold alike, or a row the index finds would show no match, or one it should
 * find would be missed. Checked against the real tokenizer, letter by letter.
 */
describe('search folding agrees with the trigram index', () => {
  it('folds every letter of the Latin, Greek, Cyrillic and other common blocks as SQLite does', () => {
    const db = openDatabase(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'trigram remove_diacritics 1')");
    const blocks = [[0x20, 0x7f], [0xa0, 0x2b0], [0x370, 0x530], [0x1e00, 0x2000], [0x2100, 0x2200], [0x2460, 0x2500], [0xff00, 0xfff0], [0x10400, 0x10450]];
    // Letters added in Unicode 7 (2014), which SQLite's case tables predate: the JS fold knows them, the index does not.
    const newerThanSqlite = new Set([0x37f, 0x528, 0x52a, 0x52c, 0x52e]);
    const codes = blocks.flatMap(([from = 0, to = 0]) => Array.from({ length: to - from }, (_, n) => from + n)).filter((code) => !newerThanSqlite.has(code));
    const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
    db.transaction(() => codes.forEach((code) => insert.run(code, `q${String.fromCodePoint(code)}z`)))();
    const find = db.prepare('SELECT rowid FROM t WHERE t MATCH ?').pluck();
    const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

    const disagreements: string[] = [];
    for (const code of codes) {
      const char = String.fromCodePoint(code);
      const folded = fold(char);
      // The JS fold of the letter finds the row holding the letter…
      if ([...folded].length === 1 && !(find.all(quoted(`q${folded}z`)) as number[]).includes(code)) disagreements.push(`${char} (${code.toString(16)}) → ${folded}: not found`);
      // …and whatever the index takes for the same letter, the JS fold does too.
      for (const other of find.all(quoted(`q${char}z`)) as number[]) {
        if (fold(String.fromCodePoint(other)) !== folded) disagreements.push(`${char} and ${String.fromCodePoint(other)}: the index matches them, the fold does not`);
      }
    }
    expect(disagreements).toEqual([]);
    db.close();
  });
});
