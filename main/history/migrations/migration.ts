import type { Db } from '../database';

/** One schema step. `up` runs inside a transaction that also sets `user_version` to `version`. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
