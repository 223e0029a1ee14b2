import { initial } from './001_initial';
import { search } from './002_search';
import { listIndexes } from './003_list_indexes';
import type { Migration } from './migration';

/** Every schema step, oldest first. Append only: a released migration never changes. */
export const MIGRATIONS: readonly Migration[] = [initial, search, listIndexes];

export const LATEST_VERSION = MIGRATIONS.length;
