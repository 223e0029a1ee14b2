import type { Migration } from './migration';

/**
 * How long each answer reasoned before its text began (or until it ended, when it never got
 * past thinking), in milliseconds: the "Thought for 12 s" a person saw while it streamed, kept
 * so a reloaded, exported or imported answer says it too. Earlier versions keep theirs. NULL
 * for answers that did not reason and for those saved before Parley measured it.
 */
export const thinkingTime: Migration = {
  version: 9,
  name: 'thinking time',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN thinking_ms INTEGER;
      ALTER TABLE message_versions ADD COLUMN thinking_ms INTEGER;
    `);
  },
};
