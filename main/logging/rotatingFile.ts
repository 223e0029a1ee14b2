/**
 * An append-only text file that never grows past `maxBytes`: when a line would overflow it,
 * `name.log` becomes `name.1.log`, `name.1.log` becomes `name.2.log`…, and the oldest beyond
 * `keep` is deleted. Writes are synchronous so the last line before a crash is on disk.
 *
 * Logging never throws: a full disk or a read-only folder drops the line, never the caller
 * (a log write that failed once crashed main while a full disk was failing a save).
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export interface RotatingFileOptions {
  file: string;
  maxBytes: number;
  /** Rotated files kept besides the current one. */
  keep: number;
}

/** `parley.log` → `parley.<n>.log`; n = 0 is the current file. */
export function rotatedName(file: string, n: number): string {
  if (n === 0) return file;
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}.${n}${ext}`;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export function createRotatingFile({ file, maxBytes, keep }: RotatingFileOptions): { write(text: string): void } {
  let size = sizeOf(file);

  function rotate(): void {
    rmSync(rotatedName(file, keep), { force: true });
    for (let n = keep - 1; n >= 0; n -= 1) {
      try {
        renameSync(rotatedName(file, n), rotatedName(file, n + 1));
      } catch {
        // A gap in the sequence (deleted by hand) is fine.
      }
    }
    size = 0;
  }

  return {
    write(text) {
      const bytes = Buffer.byteLength(text);
      try {
        if (size > 0 && size + bytes > maxBytes) rotate();
        mkdirSync(path.dirname(file), { recursive: true });
        appendFileSync(file, text);
        size += bytes;
      } catch {
        // ENOSPC, EROFS, EACCES…: the line is lost, nothing else is.
      }
    },
  };
}
