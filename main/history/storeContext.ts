import { AppFailure } from '../appFailure';
import type { Db } from './database';

/** What each part of the store shares: the connection, a clock and an id source. */
export interface StoreContext {
  db: Db;
  now: () => number;
  newId: () => string;
}

/** Thrown for an id that does not exist or is deleted: the renderer can hold a stale one. */
export const missingConversation = (id: string): AppFailure =>
  new AppFailure({ code: 'invalid-request', message: `The conversation ${id} no longer exists.` });
