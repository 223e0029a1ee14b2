/**
 * Opening conversations on the real app path, shared by the benches that do: a data folder seeded
 * through the real store into a real SQLite file, and a click in the sidebar timed to the painted
 * frame in which the last answer's visible part is rendered.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../main/history/database';
import { backupDir, historyPath } from '../main/history/historyFiles';
import { createHistoryStore, type HistoryStore } from '../main/history/historyStore';
import { migrate } from '../main/history/migrate';

/** A fresh data folder whose history `fill` writes, one second apart per write; closed before it returns. */
export async function seedDataFolder(prefix: string, fill: (store: HistoryStore) => void): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  const clock = { time: Date.UTC(2026, 0, 1) };
  const db = openDatabase(historyPath(dataDir));
  await migrate(db, { backupDir: backupDir(dataDir), now: () => clock.time });
  const store = createHistoryStore(db, { now: () => (clock.time += 1_000) });
  try {
    fill(store);
  } finally {
    store.close();
  }
  return dataDir;
}

/**
 * Clicks the conversation `title` in the sidebar and resolves with the ms until the painted frame in
 * which its last answer's visible part is rendered Markdown (not the plain text shown before the
 * renderer loads, no placeholder of a part not rendered yet in view). `heading`: how one of that
 * answer's own h2 starts, so the conversation switched from never counts.
 */
export function openConversation(page: { evaluate(expression: string): Promise<unknown> }, title: string, heading: string): Promise<number> {
  return page.evaluate(`(${OPEN_CONVERSATION_IN_PAGE})(${JSON.stringify(title)}, ${JSON.stringify(heading)})`) as Promise<number>;
}

// Plain JavaScript for the page: tsx would wrap named functions in helpers the page does not have.
const OPEN_CONVERSATION_IN_PAGE = `(title, heading) => new Promise((resolve, reject) => {
  const button = document.querySelector('nav button.conversation-button[title="' + title + '"]');
  if (!button) return reject(new Error('No conversation named ' + title));
  const started = performance.now();
  button.click();
  const check = () => {
    const log = document.querySelector('[role="log"]');
    const answers = log ? log.querySelectorAll('article[aria-label="Assistant"] .md') : [];
    const answer = answers[answers.length - 1];
    const view = log && log.getBoundingClientRect();
    const shown = answer && view && !answer.classList.contains('md-plain') && [...answer.querySelectorAll('h2')].some((h2) => h2.textContent.startsWith(heading)) &&
      ![...answer.querySelectorAll('.md-pending')].some((pending) => {
        const box = pending.getBoundingClientRect();
        return box.bottom > view.top && box.top < view.bottom;
      });
    if (shown) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;
