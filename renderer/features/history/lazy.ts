import { lazyPart } from '../../lib/lazyPart';

/** Choosing a backup to restore, and search results (shown once something is typed in the search field): loaded apart from the start-up bundle (lib/lazyPart). */
export const RestoreBackupDialog = lazyPart(() => import('./RestoreBackupDialog').then((module) => module.RestoreBackupDialog));
export const SearchResults = lazyPart(() => import('./SearchResults').then((module) => module.SearchResults));
