import { AppFailure } from '../appFailure';
import type { Db } from './database';

/** What each part of the store shares: the connection, a clock and an id source. */
export interface StoreContext {
  db: Db;
  now: () => number;
  newId: () => string;
}

/**
 * Thrown for an id that does not exist or is deleted: the renderer can hold a stale one. The
 * id is not in the sentence: a person cannot do anything with a uuid.
 */
export const missingConversation = (): AppFailure =>
  new AppFailure({ code: 'invalid-request', message: 'This conversation no longer exists; open another one or start a new chat.' });
