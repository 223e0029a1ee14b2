/**
 * The prompt library's file format, for "Export prompts" and "Import prompts", and the check of
 * prompts read from outside (a prompts file or a backup): each entry is checked on its own, so one
 * bad entry is reported and the others still come in.
 */
import { z } from 'zod';
import { savePromptSchema } from '../../shared/ipc';
import type { PromptLibrary, SavedPrompt } from '../../shared/ipc';

export const PROMPTS_FILE_FORMAT = 'parley-prompts';
export const PROMPTS_FILE_VERSION = 1;

/** A prompt as files hold it: `default: true` marks the library's default. */
export type PromptEntry = SavedPrompt & { default?: boolean };

export class PromptFileError extends Error {
  override readonly name = 'PromptFileError';
}

export function promptEntries(library: PromptLibrary): PromptEntry[] {
  return library.prompts.map((prompt) => (prompt.id === library.defaultId ? { ...prompt, default: true } : prompt));
}

export function promptsToJson(library: PromptLibrary, now: number): string {
  const file = { format: PROMPTS_FILE_FORMAT, version: PROMPTS_FILE_VERSION, exportedAt: new Date(now).toISOString(), prompts: promptEntries(library) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const entrySchema = savePromptSchema.extend({
  updatedAt: z.number().int().min(0).optional(),
  default: z.boolean().optional(),
});

/** An entry that passed the check, or why it did not. */
export type CheckedEntry = { entry: PromptEntry } | { name: string; reason: string };

export function checkEntry(raw: unknown, now: number): CheckedEntry {
  const parsed = entrySchema.safeParse(raw);
  if (parsed.success) return { entry: { ...parsed.data, updatedAt: parsed.data.updatedAt ?? now } };
  const name = typeof (raw as { name?: unknown } | null)?.name === 'string' ? (raw as { name: string }).name : '(no name)';
  const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'entry'} ${issue.message}`);
  return { name, reason: `not a valid prompt (${reasons.join('; ')}).` };
}

/** The entries of a prompts file (or a bare list of prompts); throws PromptFileError when the file is not one. */
export function parsePromptsFile(json: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new PromptFileError(`This file is not valid JSON (${(error as Error).message}), so no prompts were imported.`);
  }
  if (Array.isArray(data)) return data;
  const file = data as { format?: unknown; version?: unknown; prompts?: unknown } | null;
  if (file?.format !== PROMPTS_FILE_FORMAT || !Array.isArray(file.prompts)) {
    throw new PromptFileError('This is not a Parley prompts file (it has no "prompts" list), so no prompts were imported.');
  }
  if (typeof file.version === 'number' && file.version > PROMPTS_FILE_VERSION) {
    throw new PromptFileError('This prompts file was made by a newer Parley; update Parley to import it.');
  }
  return file.prompts;
}
