import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/ipc';
import { BackupFormatError, backupToJson, createBackup, mergePlan, parseBackup } from '../../../../main/export/backup';
import type { ExportMessage } from '../../../../main/export/types';
import type { Backup } from '../../../../main/export/backup';
import { conversation } from './arbitraries';
import { sampleConversation, sampleMessage } from './sample';

const now = Date.UTC(2026, 10, 26, 12);
const settings = { ...DEFAULT_SETTINGS, project: 'team/project', baseURL: 'https://api.inference.wandb.ai/v1' };
const prompts = [{ id: 'p1', title: 'Translate', text: 'Translate to French:' }];

describe('backup', () => {
  it('round-trips conversations, prompts and settings', () => {
    fc.assert(
      fc.property(fc.array(conversation, { maxLength: 3 }), (conversations) => {
        const backup = createBackup({ conversations, prompts, settings, now });
        expect(parseBackup(backupToJson(backup))).toEqual(backup);
        expect(backup.conversations).toEqual(conversations);
      }),
      { numRuns: 100 },
    );
    expect(createBackup({ conversations: [], prompts, settings, now })).toMatchObject({ schemaVersion: 1, exportedAt: '2026-11-26T12:00:00.000Z', prompts, settings });
  });

  it('never writes a secret, even one slipped into settings, prompts or parameters', () => {
    const planted = 'sk-PLANTED-0123456789';
    const json = backupToJson(
      createBackup({
        conversations: [{ ...sampleConversation({ endpoint: `https://me:${planted}@host/v1`, params: { api_key: planted } }), apiKey: planted } as never],
        prompts: [{ id: 'p1', token: planted }],
        settings: { ...settings, apiKey: planted, baseURL: `https://host/v1?key=${planted}` } as never,
        now,
      }),
    );
    expect(json).not.toContain(planted);
  });

  it('refuses by name a backup whose branches are nested beyond reason, rather than failing', () => {
    let branch: ExportMessage[] = [sampleMessage({ id: 'leaf' })];
    for (let level = 0; level < 1_000; level++) branch = [sampleMessage({ id: `m${level}`, versions: [{ ...sampleMessage({ id: `v${level}` }), continuation: branch }] })];
    const json = JSON.stringify({ schemaVersion: 1, exportedAt: '2026-11-26T12:00:00.000Z', conversations: [sampleConversation({ messages: branch })], prompts: [], settings: {} });
    expect(() => parseBackup(json)).toThrow(new BackupFormatError('This backup is damaged: its branches are nested too deeply to read.'));
  });

  it('explains what is wrong with a file that is not a backup or is damaged', () => {
    const good = JSON.parse(backupToJson(createBackup({ conversations: [sampleConversation()], prompts: [], settings, now }))) as Backup;
    const damaged = structuredClone(good);
    (damaged.conversations[0]?.messages[1] as { usage: unknown }).usage = { promptTokens: 'many' };
    expect(() => parseBackup('{ nope')).toThrow(/^This is not a Parley backup: it is not valid JSON/);
    expect(() => parseBackup('[]')).toThrow('This is not a Parley backup: it has no schemaVersion.');
    expect(() => parseBackup(JSON.stringify({ ...good, schemaVersion: 9 }))).toThrow('This backup was made by a newer Parley (schema 9); update Parley to restore it.');
    expect(() => parseBackup(JSON.stringify(damaged))).toThrow(
      'This backup is damaged: conversations.0.messages.1.usage.promptTokens: Invalid input: expected number, received string; conversations.0.messages.1.usage.completionTokens: Invalid input: expected number, received undefined; conversations.0.messages.1.usage.totalTokens: Invalid input: expected number, received undefined.',
    );
  });

  it('plans a merge without duplicates: new ids inserted, existing ones skipped or replaced', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id) => sampleConversation({ id, title: id.toUpperCase() }));
    const backup = createBackup({ conversations: [a, b, c, { ...b, title: 'B again' }] as never, prompts: [], settings, now });
    const skip = mergePlan(['b', 'x'], backup, 'skip');
    expect(skip.insert.map((x) => x.id)).toEqual(['a', 'c']);
    expect(skip.replace).toEqual([]);
    expect(skip.skip).toEqual([
      { id: 'b', title: 'B', reason: 'already in your history (kept as it is).' },
      { id: 'b', title: 'B again', reason: 'appears more than once in the backup; the first is used.' },
    ]);
    const replace = mergePlan(new Set(['b']), backup, 'replace');
    expect(replace.insert.map((x) => x.id)).toEqual(['a', 'c']);
    expect(replace.replace.map((x) => x.title)).toEqual(['B']);
    expect(replace.skip.map((x) => x.title)).toEqual(['B again']);
  });
});
