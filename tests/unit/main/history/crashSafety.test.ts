import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/history/database';
import { historyPath } from '../../../../main/history/historyFiles';
import { openHistory } from '../../../../main/history/openHistory';
import type { MessageStatus } from '../../../../main/history/types';
import { checkSearchIndex, ok, useTempDir } from './support/tempHistory';
import { bundleCrashChild, runChild } from './support/writerChild';
import type { WriterChild } from './support/writerChild';

const KILLS = 200;
/** Independent databases killed side by side, one per core here. */
const LANES = 2;

const tempDir = useTempDir();
let child: WriterChild;

beforeAll(async () => {
  child = await bundleCrashChild();
});

interface Tally {
  kills: number;
  leftStreaming: number;
  committed: number;
}

/** Kills a writer on one database again and again; after each kill checks what the user would get on restart. */
async function lane(dataDir: string, kills: number, tally: Tally): Promise<void> {
  const file = historyPath(dataDir);
  (await openHistory({ dataDir })).store.close();
  for (let n = 0; n < kills; n++) {
    const report = await runChild(child, file, { killAfterMs: Math.random() * 60 });
    expect(report.exitCode, report.stderr).toBeNull(); // killed, not crashed on its own
    tally.kills++;

    const raw = openDatabase(file);
    expect(ok(raw)).toBe('ok');
    tally.leftStreaming += raw.prepare("SELECT count(*) FROM messages WHERE status = 'streaming'").pluck().get() as number;
    raw.close();

    const { store } = await openHistory({ dataDir });
    const db = openDatabase(file);
    const statusOf = db.prepare('SELECT status FROM messages WHERE id = ?').pluck();
    const contentOf = db.prepare('SELECT content FROM messages WHERE id = ?').pluck();
    for (const id of [...report.users, ...report.started]) expect(statusOf.get(id), id).toBeDefined();
    for (const done of report.done) {
      expect(statusOf.get(done.id) as MessageStatus).toBe(done.status);
      expect((contentOf.get(done.id) as string).length).toBe(done.chars);
    }
    tally.committed += report.users.length + report.done.length;
    expect(db.prepare("SELECT count(*) FROM messages WHERE status = 'streaming'").pluck().get()).toBe(0);
    checkSearchIndex(db);
    db.close();
    store.close();
  }
}

describe('crash safety', () => {
  it(`keeps every committed message through ${KILLS} SIGKILLs`, async () => {
    const tally: Tally = { kills: 0, leftStreaming: 0, committed: 0 };
    await Promise.all(Array.from({ length: LANES }, () => lane(join(tempDir()), KILLS / LANES, tally)));
    expect(tally.kills).toBeGreaterThanOrEqual(KILLS);
    // The kills landed mid-answer often enough to exercise recovery, and after real commits.
    expect(tally.leftStreaming).toBeGreaterThan(KILLS / 10);
    expect(tally.committed).toBeGreaterThan(KILLS);
  }, 120_000);
});
