/** Where a key could hide in text: as itself, or base64/base64url-encoded (as in a header dump or a naive "encryption"). */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export function keyForms(key: string): string[] {
  const bytes = Buffer.from(key);
  return [key, bytes.toString('base64').replace(/=+$/, ''), bytes.toString('base64url'), bytes.toString('hex')];
}

/** The names of the places (given as name → text) that contain the key in any form. */
export function placesWithKey(key: string, places: Iterable<[string, string]>): string[] {
  const forms = keyForms(key);
  return [...places].filter(([, text]) => forms.some((form) => text.includes(form))).map(([name]) => name);
}

/** Every file under `dir`, as [relative path, contents read as latin1 so any byte sequence matches]. */
export async function filesUnder(dir: string): Promise<[string, string][]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (file) => [path.relative(dir, file), (await readFile(file)).toString('latin1')] as [string, string]));
}
