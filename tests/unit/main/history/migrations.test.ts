import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/history/database';
import type { Db } from '../../../../main/history/database';
import { createHistoryStore } from '../../../../main/history/historyStore';
import { migrate, MigrationError } from '../../../../main/history/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../../../main/history/migrations';
import { endpointIds } from '../../../../main/history/migrations/006_endpoint_ids';
import { tools } from '../../../../main/history/migrations/010_tools';
import { searchToolCalls } from '../../../../main/history/migrations/011_search_tool_calls';
import type { Migration } from '../../../../main/history/migrations/migration';
import { checkSearchIndex, manualClock, ok, useTempDir } from './support/tempHistory';

const tempDir = useTempDir();
const clock = manualClock();
const version = (db: Db): unknown => db.pragma('user_version', { simple: true });
const tables = (db: Db): string[] => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];

/**
 * A database at `schemaVersion` (built by the real migrations up to it) holding one conversation
 * with two messages, written with version 1's columns: today's store writes columns that older
 * schemas lack.
 */
async function databaseAt(schemaVersion: number): Promise<{ db: Db; dir: string; conversationId: string }> {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'history.sqlite3'));
  await migrate(db, { backupDir: join(dir, 'backups'), now: clock.now, migrations: MIGRATIONS.filter((step) => step.version <= schemaVersion) });
  const conversationId = 'c8a1f1de-5a5e-4c36-9d56-2b1f2f0a0001';
  const at = clock.now();
  db.prepare("INSERT INTO conversations (id, title, model, created_at, updated_at) VALUES (?, 'Pelican facts', 'model-a', ?, ?)").run(conversationId, at, at);
  const message = db.prepare(`
    INSERT INTO messages (id, conversation_id, position, role, content, model, params, status, finish_reason, first_token_ms, duration_ms, created_at, updated_at)
    VALUES (@id, @conversationId, @position, @role, @content, 'model-a', @params, 'complete', @finishReason, @firstTokenMs, @durationMs, @at, @at)`);
  message.run({ id: 'm-1', conversationId, position: 0, role: 'user', content: 'How far can a pelican fly?', params: '{"temperature":0.2}', finishReason: null, firstTokenMs: null, durationMs: null, at });
  message.run({ id: 'm-2', conversationId, position: 1, role: 'assistant', content: 'Pelicans glide for hours over the sea.', params: '{}', finishReason: 'stop', firstTokenMs: 10, durationMs: 20, at });
  return { db, dir, conversationId };
}

describe('migrations', () => {
  it('numbers the steps 1, 2, 3… in order, none skipped', () => {
    const versions = MIGRATIONS.map((step) => step.version);
    expect(versions).toEqual(Array.from({ length: LATEST_VERSION }, (_, index) => index + 1));
  });

  it('builds the newest schema in an empty file, without a backup of nothing', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'history.sqlite3'));
    const report = await migrate(db, { backupDir: join(dir, 'backups'), now: clock.now });
    expect(report).toEqual({ from: 0, to: LATEST_VERSION, backupFile: null });
    expect(version(db)).toBe(LATEST_VERSION);
    expect(tables(db)).toEqual(expect.arrayContaining(['conversations', 'messages', 'conversations_fts', 'messages_fts']));
    expect(tables(db)).not.toContain('message_versions');
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    expect(ok(db)).toBe('ok');
    db.close();
  });

  for (const { version: from } of MIGRATIONS.slice(0, -1)) {
    it(`upgrades a version ${from} database with its data, after a backup`, async () => {
      const { db, dir, conversationId } = await databaseAt(from);
      const report = await migrate(db, { backupDir: join(dir, 'backups'), now: clock.now });
      expect(report.from).toBe(from);
      expect(version(db)).toBe(LATEST_VERSION);
      expect(ok(db)).toBe('ok');
      checkSearchIndex(db);

      const store = createHistoryStore(db);
      const conversation = store.getConversation(conversationId);
      expect(conversation?.title).toBe('Pelican facts');
      expect(conversation?.messages.map((message) => message.content)).toEqual(['How far can a pelican fly?', 'Pelicans glide for hours over the sea.']);
      expect(conversation?.messages[0]?.params).toEqual({ temperature: 0.2 });
      expect(conversation?.messages[1]).toMatchObject({ status: 'complete', finishReason: 'stop', firstTokenMs: 10, durationMs: 20, thinkingMs: null });
      // Made before Parley kept several endpoints: it goes on with the built-in one, as it always did.
      if (from < endpointIds.version) expect(conversation?.endpoint).toBe('wandb');
      // Text written before search existed is found after the upgrade.
      expect(store.search('glide').map((hit) => hit.messageId)).toEqual([conversation?.messages[1]?.id]);
      expect(store.search('pelican')).toEqual([expect.objectContaining({ conversationId, matchCount: 2 })]);
      // Words of one or two characters, through the index added in version 8.
      expect(store.search('ca').map((hit) => hit.matchCount)).toEqual([2]);
      expect(store.search('fl').map((hit) => hit.messageId)).toEqual(['m-1']);
      // Answers made before versions existed can be regenerated, keeping the old one.
      const writer = store.regenerateAnswer(conversationId, 'm-2', { id: 'm-3', model: 'model-b', params: {} });
      writer.append({ content: 'Pelicans fly up to 500 km a day.' });
      writer.finish({ status: 'complete', usage: null, finishReason: 'stop', error: null, firstTokenMs: 5, durationMs: 9, thinkingMs: 4 });
      const [, regenerated] = store.getConversation(conversationId)?.messages ?? [];
      expect(regenerated?.content).toBe('Pelicans fly up to 500 km a day.');
      // How long an answer thought is kept from migration 009 on.
      expect(regenerated?.thinkingMs).toBe(4);
      expect(regenerated?.versions?.map((v) => [v.id, v.content])).toEqual([['m-2', 'Pelicans glide for hours over the sea.']]);
      // Older questions have no attachments; new ones can refer to files (migration 006).
      expect(conversation?.messages[0]?.attachments).toBeUndefined();
      const attachment = { file: `${'c'.repeat(64)}.png`, name: 'chart.png', kind: 'image' as const, mimeType: 'image/png', bytes: 68 };
      store.addUserMessage(conversationId, { id: 'm-4', content: 'And this chart?', model: 'model-b', params: {}, attachments: [attachment] });
      expect(store.getConversation(conversationId)?.messages.at(-1)?.attachments).toEqual([attachment]);
      checkSearchIndex(db);

      expect(report.backupFile).toMatch(new RegExp(`backups[/\\\\]history-v${from}-\\d{8}-\\d{6}\\.sqlite3$`));
      expect(readdirSync(join(dir, 'backups'))).toEqual([basename(report.backupFile as string)]);
      const backup = openDatabase(report.backupFile as string, { readonly: true });
      expect(version(backup)).toBe(from);
      expect(backup.prepare('SELECT title FROM conversations').pluck().all()).toEqual(['Pelican facts']);
      backup.close();
      store.close();
    });
  }

  it('moves conversations kept by base URL (or none) to the built-in endpoint', async () => {
    const { db, dir, conversationId } = await databaseAt(5);
    const at = clock.now();
    const insert = db.prepare("INSERT INTO conversations (id, title, model, endpoint, created_at, updated_at) VALUES (?, 'Local', 'llama3', ?, ?, ?)");
    insert.run('c8a1f1de-5a5e-4c36-9d56-2b1f2f0a0002', 'https://api.inference.wandb.ai/v1', at, at);
    insert.run('c8a1f1de-5a5e-4c36-9d56-2b1f2f0a0003', 'http://127.0.0.1:11434/v1', at, at);
    await migrate(db, { backupDir: join(dir, 'backups'), now: clock.now });
    const endpoints = db.prepare('SELECT id, endpoint FROM conversations ORDER BY id').all();
    expect(endpoints).toEqual([
      { id: conversationId, endpoint: 'wandb' },
      { id: 'c8a1f1de-5a5e-4c36-9d56-2b1f2f0a0002', endpoint: 'wandb' },
      { id: 'c8a1f1de-5a5e-4c36-9d56-2b1f2f0a0003', endpoint: 'wandb' },
    ]);
    db.close();
  });

  it('turns the versions of a version 11 database (a regeneration, an edit, a comparison) into hidden branches', async () => {
    const { db, dir, conversationId } = await databaseAt(searchToolCalls.version);
    const at = clock.now();
    const version = db.prepare(`
      INSERT INTO message_versions (id, message_id, ordinal, role, content, model, params, prompt_tokens, completion_tokens, total_tokens, status, created_at, updated_at)
      VALUES (@id, @messageId, @ordinal, @role, @content, @model, '{}', @tokens, @tokens, @tokens, 'complete', @at, @at)`);
    // The question was edited once; its answer is Compare's chosen one, after two others and a regeneration.
    version.run({ id: 'v-q', messageId: 'm-1', ordinal: 0, role: 'user', content: 'How far do pelicans swim?', model: 'model-a', tokens: null, at: at - 4000 });
    version.run({ id: 'v-a1', messageId: 'm-2', ordinal: 0, role: 'assistant', content: 'Pelicans paddle along coasts.', model: 'model-b', tokens: 3, at: at - 3000 });
    version.run({ id: 'v-a2', messageId: 'm-2', ordinal: 1, role: 'assistant', content: 'Pelicans soar on thermals.', model: 'model-c', tokens: 5, at: at - 2000 });
    db.prepare(`
      INSERT INTO tool_calls (id, message_id, position, round, content_offset, server_name, tool, arguments, status, result_text, started_at)
      VALUES ('call-v', 'v-a2', 0, 1, 0, 'Files', 'read_text_file', '{"path": "/birds/thermals.md"}', 'complete', 'Warm air rises.', 0)`).run();
    await migrate(db, { backupDir: join(dir, 'backups'), now: clock.now });
    expect(ok(db)).toBe('ok');
    expect(tables(db)).not.toContain('message_versions');
    checkSearchIndex(db);

    const store = createHistoryStore(db);
    const [question, answer] = store.getConversation(conversationId)?.messages ?? [];
    expect(question).toMatchObject({ id: 'm-1', content: 'How far can a pelican fly?', siblings: ['v-q', 'm-1'] });
    expect(answer).toMatchObject({ id: 'm-2', siblings: ['v-a1', 'v-a2', 'm-2'] });
    expect(answer?.versions?.map((v) => [v.id, v.model])).toEqual([['v-a1', 'model-b'], ['v-a2', 'model-c']]);
    expect(answer?.versions?.[1]?.toolCalls?.map((call) => call.id)).toEqual(['call-v']);
    // Every version was billed, and every one is found.
    expect(store.modelUsage(0).map(({ model, answers }) => [model, answers]).sort()).toEqual([['model-b', 1], ['model-c', 1]]);
    expect(store.search('thermals').map((hit) => hit.messageId)).toEqual(['v-a2']);
    expect(store.search('swim').map((hit) => hit.messageId)).toEqual(['v-q']);

    // An old question version gets no answer: nothing recorded which answer went with it.
    store.showBranch(conversationId, 'v-q');
    expect(store.getConversation(conversationId)?.messages.map((m) => m.id)).toEqual(['v-q']);
    store.showBranch(conversationId, 'v-a2');
    expect(store.getConversation(conversationId)?.messages.map((m) => m.id)).toEqual(['m-1', 'v-a2']);
    store.close();
  });

  it('makes the tool calls stored before version 11 searchable, in the answer that holds them', async () => {
    const { db, dir, conversationId } = await databaseAt(tools.version);
    const insert = db.prepare(`
      INSERT INTO tool_calls (id, message_id, position, round, content_offset, server_name, tool, arguments, status, result_text, started_at)
      VALUES (?, ?, ?, 1, 0, 'Files', 'read_text_file', ?, 'complete', ?, 0)`);
    insert.run('call-1', 'm-2', 0, '{"path": "/birds/pelicans.md"}', 'Pelicans nest on islands in colonies.');
    insert.run('call-2', 'm-2', 1, '{"path": "/birds/gulls.md"}', null);
    // A call of an answer that is gone is not found.
    insert.run('call-3', 'm-gone', 0, '{"path": "/birds/colonies.md"}', 'Colonies of terns.');
    await migrate(db, { backupDir: join(dir, 'backups'), now: clock.now });
    checkSearchIndex(db);

    const store = createHistoryStore(db);
    expect(store.search('colonies')).toEqual([expect.objectContaining({ conversationId, messageId: 'm-2', matchCount: 1 })]);
    expect(store.search('gulls.md').map((hit) => hit.snippet.map((segment) => segment.text).join(''))).toEqual(['read_text_file: {"path": "/birds/gulls.md"}']);
    expect(store.search('terns')).toEqual([]);
    // The question and the answer, whose text and calls both match: two messages.
    expect(store.search('pelican').map((hit) => hit.matchCount)).toEqual([2]);
    store.close();
  });

  it('leaves an up-to-date database alone', async () => {
    const { db, dir } = await databaseAt(LATEST_VERSION);
    expect(await migrate(db, { backupDir: join(dir, 'backups'), now: clock.now })).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION, backupFile: null });
    db.close();
  });

  it('puts the backup back when a step fails, and says so', async () => {
    const { db, dir, conversationId } = await databaseAt(1);
    const broken: Migration = {
      version: LATEST_VERSION + 1,
      name: 'a step that fails',
      up(target) {
        target.exec('CREATE TABLE half_done (x)');
        throw new Error('disk says no');
      },
    };
    const error = await migrate(db, { backupDir: join(dir, 'backups'), now: clock.now, migrations: [...MIGRATIONS, broken] }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MigrationError);
    const { message, backupFile } = error as MigrationError;
    expect(message).toContain('disk says no');
    expect(message).toContain('Nothing was lost');
    expect(message).toContain(backupFile as string);
    expect(readdirSync(join(dir, 'backups'))).toEqual([basename(backupFile as string)]);
    // The later steps had committed; the restore undid them too.
    expect(version(db)).toBe(1);
    expect(tables(db)).toEqual(['conversations', 'messages']);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('conversations')).not.toContain('endpoint');
    expect(ok(db)).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM messages WHERE conversation_id = ?').pluck().get(conversationId)).toBe(2);
    db.close();
  });

  it('refuses a database from a newer Parley without touching it', async () => {
    const { db, dir } = await databaseAt(LATEST_VERSION);
    db.pragma('user_version = 99');
    await expect(migrate(db, { backupDir: join(dir, 'backups'), now: clock.now })).rejects.toThrow(/newer version of Parley/);
    expect(version(db)).toBe(99);
    db.close();
  });
});
