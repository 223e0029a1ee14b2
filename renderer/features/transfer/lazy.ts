import { lazyPart } from '../../lib/lazyPart';

/** The Import dialog, the folder export's progress and Settings' Data actions, loaded apart from the start-up bundle (lib/lazyPart). */
export const ImportDialog = lazyPart(() => import('./ImportDialog').then((module) => module.ImportDialog));
export const FolderExportDialog = lazyPart(() => import('./FolderExportDialog').then((module) => module.FolderExportDialog));
export const DataActions = lazyPart(() => import('./DataActions').then((module) => module.DataActions));
