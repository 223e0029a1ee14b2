/**
 * The "Prompts" library: named system prompts, one of them the default for new chats.
 *
 * Kept as one object in the settings store (the key below), not in SQLite: it is small, read and
 * written whole, exported as JSON as it is, and needs no history migration. The first read moves
 * an existing settings.defaultSystemPrompt into it, once: the library then exists, so it never
 * happens again.
 */
import { randomUUID } from 'node:crypto';
import type { PromptImportReport, PromptLibrary, SavedPrompt, Settings } from '../../shared/ipc';
import { AppFailure } from '../appFailure';
import type { KeyValueStore } from '../settings/keyValueStore';
import { checkEntry, type PromptEntry } from './promptFile';

export const PROMPTS_KEY = 'promptLibrary';

export interface PromptLibraryDeps {
  store: KeyValueStore;
  settings(): Settings;
  now?: () => number;
  newId?: () => string;
}

export interface PromptLibraryService {
  get(): PromptLibrary;
  save(prompt: { id: string; name: string; text: string }): PromptLibrary;
  remove(id: string): PromptLibrary;
  setDefault(id: string | null): PromptLibrary;
  /** Merges prompts read from a file or a backup by id; the file's default is taken only when the library has none. */
  merge(entries: readonly unknown[]): { library: PromptLibrary; report: PromptImportReport };
}

const missingPrompt = (): AppFailure => new AppFailure({ code: 'invalid-request', message: 'That prompt is no longer in the library.' });

function storeFailure(action: string, error: unknown): AppFailure {
  const reason = error instanceof Error ? error.message : String(error);
  return new AppFailure({ code: 'settings', message: `Parley could not ${action} the prompt library: ${reason}` });
}

export function createPromptLibrary({ store, settings, now = Date.now, newId = randomUUID }: PromptLibraryDeps): PromptLibraryService {
  function write(library: PromptLibrary): PromptLibrary {
    try {
      store.set(PROMPTS_KEY, library);
    } catch (error) {
      throw storeFailure('save', error);
    }
    return library;
  }

  /** A hand-edited entry that does not check out is left out rather than stopping the library. */
  function read(saved: unknown): PromptLibrary {
    const { prompts, defaultId } = (saved ?? {}) as { prompts?: unknown; defaultId?: unknown };
    const valid = (Array.isArray(prompts) ? prompts : []).flatMap((raw) => {
      const checked = checkEntry(raw, now());
      return 'entry' in checked ? [withoutFlag(checked.entry)] : [];
    });
    const known = typeof defaultId === 'string' && valid.some((prompt) => prompt.id === defaultId);
    return { prompts: valid, defaultId: known ? defaultId : null };
  }

  function get(): PromptLibrary {
    let saved: unknown;
    try {
      saved = store.get(PROMPTS_KEY);
    } catch (error) {
      throw storeFailure('read', error);
    }
    if (saved !== undefined) return read(saved);
    const legacy = settings().defaultSystemPrompt;
    if (!legacy.trim()) return write({ prompts: [], defaultId: null });
    const migrated: SavedPrompt = { id: newId(), name: 'Default prompt', text: legacy, updatedAt: now() };
    return write({ prompts: [migrated], defaultId: migrated.id });
  }

  function save({ id, name, text }: { id: string; name: string; text: string }): PromptLibrary {
    const library = get();
    const prompt: SavedPrompt = { id, name: name.trim(), text, updatedAt: now() };
    const exists = library.prompts.some((p) => p.id === id);
    const prompts = exists ? library.prompts.map((p) => (p.id === id ? prompt : p)) : [...library.prompts, prompt];
    return write({ ...library, prompts });
  }

  function remove(id: string): PromptLibrary {
    const library = get();
    if (!library.prompts.some((p) => p.id === id)) throw missingPrompt();
    return write({ prompts: library.prompts.filter((p) => p.id !== id), defaultId: library.defaultId === id ? null : library.defaultId });
  }

  function setDefault(id: string | null): PromptLibrary {
    const library = get();
    if (id !== null && !library.prompts.some((p) => p.id === id)) throw missingPrompt();
    return write({ ...library, defaultId: id });
  }

  function merge(entries: readonly unknown[]) {
    const library = get();
    const prompts = [...library.prompts];
    let { defaultId } = library;
    const report: PromptImportReport = { added: [], updated: [], skipped: [] };
    const seen = new Set<string>();
    for (const raw of entries) {
      const checked = checkEntry(raw, now());
      if (!('entry' in checked)) {
        report.skipped.push(checked);
        continue;
      }
      const { entry } = checked;
      if (seen.has(entry.id)) {
        report.skipped.push({ name: entry.name, reason: 'appears more than once in the file; the first is used.' });
        continue;
      }
      seen.add(entry.id);
      const index = prompts.findIndex((p) => p.id === entry.id);
      const existing = prompts[index];
      if (!existing) {
        prompts.push(withoutFlag(entry));
        report.added.push(entry.name);
      } else if (existing.name === entry.name && existing.text === entry.text) {
        report.skipped.push({ name: entry.name, reason: 'already in the library, unchanged.' });
      } else {
        prompts[index] = withoutFlag(entry);
        report.updated.push(entry.name);
      }
      if (entry.default && defaultId === null) defaultId = entry.id;
    }
    return { library: write({ prompts, defaultId }), report };
  }

  return { get, save, remove, setDefault, merge };
}

function withoutFlag({ id, name, text, updatedAt }: PromptEntry): SavedPrompt {
  return { id, name, text, updatedAt };
}
