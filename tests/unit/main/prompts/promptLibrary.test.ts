/**
 * The prompt library on a real settings file (conf, as web mode and the app use it): CRUD, the
 * default, the one-time move of settings.defaultSystemPrompt, and import/export as JSON.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPromptHandlers } from '../../../../main/prompts/promptHandlers';
import { createPromptLibrary, PROMPTS_KEY } from '../../../../main/prompts/promptLibrary';
import { parsePromptsFile, PromptFileError, promptsToJson } from '../../../../main/prompts/promptFile';
import { createConfStore } from '../../../../main/settings/createConfStore';
import type { KeyValueStore } from '../../../../main/settings/keyValueStore';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/ipc';

const A = '0b7f6a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b';
const B = '1c8a7b2f-3d4e-4f60-9b0c-1d2e3f4a5b6c';
const C = '2d9b8c3a-4e5f-4a71-8c1d-2e3f4a5b6c7d';

let dataDir: string;
let settings: Settings;
const storeAt = (): KeyValueStore => createConfStore(dataDir, 'config').store;
const library = (store = storeAt()) => createPromptLibrary({ store, settings: () => settings, now: () => 1_000 });

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'parley-prompts-'));
  settings = { ...DEFAULT_SETTINGS };
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('the library', () => {
  it('creates, edits, duplicates (as a new id) and deletes, and a fresh process reads the same file', () => {
    const prompts = library();
    prompts.save({ id: A, name: '  Terse ', text: 'Answer in one line.' });
    prompts.save({ id: B, name: 'Terse copy', text: 'Answer in one line.' });
    prompts.save({ id: A, name: 'Terse', text: 'One line, {{model}}.' });
    expect(library().get()).toEqual({
      prompts: [
        { id: A, name: 'Terse', text: 'One line, {{model}}.', updatedAt: 1_000 },
        { id: B, name: 'Terse copy', text: 'Answer in one line.', updatedAt: 1_000 },
      ],
      defaultId: null,
    });
    expect(library().remove(B).prompts.map((p) => p.id)).toEqual([A]);
  });

  it('keeps one default; deleting it leaves none; an unknown id is refused with a sentence', () => {
    const prompts = library();
    prompts.save({ id: A, name: 'One', text: '1' });
    prompts.save({ id: B, name: 'Two', text: '2' });
    expect(prompts.setDefault(A).defaultId).toBe(A);
    expect(prompts.setDefault(B).defaultId).toBe(B);
    expect(prompts.remove(B).defaultId).toBeNull();
    expect(() => prompts.setDefault(C)).toThrow('That prompt is no longer in the library.');
    expect(() => prompts.remove(C)).toThrow('That prompt is no longer in the library.');
  });

  it('moves a non-empty settings.defaultSystemPrompt in as the default, once', () => {
    settings = { ...settings, defaultSystemPrompt: 'Be brief.' };
    const first = library().get();
    expect(first.prompts).toEqual([expect.objectContaining({ name: 'Default prompt', text: 'Be brief.' })]);
    expect(first.defaultId).toBe(first.prompts[0]?.id);
    // Deleting it must not bring it back on the next read.
    const prompts = library();
    prompts.remove(first.defaultId ?? '');
    expect(library().get()).toEqual({ prompts: [], defaultId: null });
  });

  it('starts empty without a default prompt to move', () => {
    expect(library().get()).toEqual({ prompts: [], defaultId: null });
  });

  it('drops a hand-broken entry and a default that points nowhere, keeping the rest', () => {
    const store = storeAt();
    store.set(PROMPTS_KEY, { prompts: [{ id: A, name: 'Good', text: 'x', updatedAt: 5 }, { id: 'nope', name: '' }], defaultId: C });
    expect(library(store).get()).toEqual({ prompts: [{ id: A, name: 'Good', text: 'x', updatedAt: 5 }], defaultId: null });
  });
});

describe('export and import', () => {
  it('round-trips through the JSON file, default included', () => {
    const source = library();
    source.save({ id: A, name: 'Dated', text: 'Today is {{date}}.' });
    source.save({ id: B, name: 'Plain', text: 'Hello.' });
    source.setDefault(B);
    const json = promptsToJson(source.get(), Date.UTC(2026, 0, 1));

    const other = path.join(dataDir, 'other');
    const target = createPromptLibrary({ store: createConfStore(other, 'config').store, settings: () => settings, now: () => 1_000 });
    const { library: imported, report } = target.merge(parsePromptsFile(json));
    expect(report).toEqual({ added: ['Dated', 'Plain'], updated: [], skipped: [] });
    expect(imported).toEqual(source.get());
  });

  it('merges by id: new ones added, changed ones updated, same and broken ones skipped with reasons', () => {
    const prompts = library();
    prompts.save({ id: A, name: 'Same', text: 'same' });
    prompts.save({ id: B, name: 'Old', text: 'old' });
    prompts.setDefault(A);
    const file = JSON.stringify({
      format: 'parley-prompts',
      version: 1,
      prompts: [
        { id: A, name: 'Same', text: 'same' },
        { id: B, name: 'New name', text: 'new', default: true },
        { id: C, name: 'Added', text: 'added' },
        { id: C, name: 'Added twice', text: 'again' },
        { id: 'not-a-uuid', name: 'Foreign', text: 'x' },
        { id: A, text: 'no name' },
      ],
    });
    const { library: merged, report } = prompts.merge(parsePromptsFile(file));
    expect(report.added).toEqual(['Added']);
    expect(report.updated).toEqual(['New name']);
    expect(report.skipped).toEqual([
      { name: 'Same', reason: 'already in the library, unchanged.' },
      { name: 'Added twice', reason: 'appears more than once in the file; the first is used.' },
      { name: 'Foreign', reason: expect.stringMatching(/^not a valid prompt \(id /) },
      { name: '(no name)', reason: expect.stringMatching(/^not a valid prompt \(name /) },
    ]);
    // The library had a default: the file's does not replace it.
    expect(merged.defaultId).toBe(A);
    expect(merged.prompts.map((p) => p.name)).toEqual(['Same', 'New name', 'Added']);
  });

  it.each([
    ['bad JSON', '{"prompts": [', /not valid JSON/],
    ['another kind of JSON', '{"conversations": []}', /not a Parley prompts file/],
    ['a newer format', '{"format":"parley-prompts","version":9,"prompts":[]}', /newer Parley/],
  ])('%s is refused with a clear message and nothing changes', async (_, content, message) => {
    const prompts = library();
    prompts.save({ id: A, name: 'Kept', text: 'kept' });
    const before = await readFile(path.join(dataDir, 'config.json'), 'utf8');
    expect(() => parsePromptsFile(content)).toThrow(PromptFileError);
    const handlers = createPromptHandlers(prompts, { saveFile: async () => ({ savedTo: null, download: null }), pickFolder: async () => null });
    await expect(async () => handlers['prompts:import']({ content })).rejects.toMatchObject({ appError: { code: 'invalid-request', message: expect.stringMatching(message) } });
    expect(await readFile(path.join(dataDir, 'config.json'), 'utf8')).toBe(before);
  });

  it('"Export prompts" offers the file through the Dialogs port', async () => {
    const prompts = library();
    prompts.save({ id: A, name: 'One', text: '1' });
    const saved: { name: string; content: string; mime: string }[] = [];
    const handlers = createPromptHandlers(prompts, { saveFile: async (name, content, mime) => (saved.push({ name, content, mime }), { savedTo: `/x/${name}`, download: null }), pickFolder: async () => null }, () => Date.UTC(2026, 10, 26, 12));
    expect(await handlers['prompts:export']({})).toEqual({ savedTo: '/x/Parley prompts 2026-11-26.json', download: null });
    expect(saved[0]?.mime).toBe('application/json');
    expect(parsePromptsFile(saved[0]?.content ?? '')).toEqual([{ id: A, name: 'One', text: '1', updatedAt: 1_000 }]);
  });
});
