/**
 * What importing a Parley backup brings besides its conversations: its endpoints are put back
 * (never with keys) so each conversation goes to its own endpoint again, its saved prompts are
 * merged after the conversations are stored, and its settings are offered, not applied: the
 * person chooses in the import report whether to take them.
 */
import type { ImportReport, PromptImportReport, SettingsPatch } from '../../shared/ipc';
import type { Backup, BackupEndpoint, BackupPrompt } from './backup';
import type { ExportConversation } from './types';

export interface BackupRestorers {
  prompts(prompts: readonly BackupPrompt[]): PromptImportReport;
  /** Adds the endpoints this data folder lacks; returns each backup id → the id here, and the names added. */
  endpoints(endpoints: readonly BackupEndpoint[]): { ids: ReadonlyMap<string, string>; added: string[] };
}

/** Prompts wait until the conversations are stored: a failed import changes nothing else either. */
export type PendingPrompts = { source: string; prompts: BackupPrompt[] }[];

const quoted = (names: readonly string[]): string => names.map((name) => `“${name}”`).join(', ');

/** The settings to offer: the default endpoint named by its id here, or left out when it is not here. */
function offeredSettings(settings: Backup['settings'], ids: ReadonlyMap<string, string>): SettingsPatch {
  const { defaultEndpointId, ...rest } = settings;
  const endpoint = defaultEndpointId === undefined ? undefined : ids.get(defaultEndpointId);
  return endpoint === undefined ? rest : { ...rest, defaultEndpointId: endpoint };
}

/** The backup's conversations, each pointing at its own endpoint as restored here; the rest goes to `report` and `prompts`. */
export function restoreFromBackup(
  backup: Backup,
  source: string,
  restorers: BackupRestorers | undefined,
  report: ImportReport,
  prompts: PendingPrompts,
): ExportConversation[] {
  const { ids, added } = restorers?.endpoints(backup.endpoints) ?? { ids: new Map<string, string>(), added: [] };
  if (added.length > 0) {
    report.notes = [
      ...(report.notes ?? []),
      `${source}: added the endpoint${added.length === 1 ? '' : 's'} ${quoted(added)}, without keys (a backup never holds keys). Add a key in Settings › Endpoints where one is needed.`,
    ];
  }
  if (backup.prompts.length > 0) prompts.push({ source, prompts: backup.prompts });
  if (Object.keys(backup.settings).length > 0) report.settings = { source, settings: offeredSettings(backup.settings, ids) };
  return backup.conversations.map(({ endpointId, ...conversation }) => {
    const here = endpointId === undefined ? undefined : ids.get(endpointId);
    return here === undefined ? conversation : { ...conversation, endpoint: here };
  });
}

/** Merges the waiting prompts; each one the library refused is reported by its name. */
export function restorePrompts(prompts: PendingPrompts, restorers: BackupRestorers | undefined, report: ImportReport): void {
  for (const { source, prompts: list } of prompts) {
    const merged = restorers?.prompts(list);
    for (const { name, reason } of merged?.skipped ?? []) report.skipped.push({ source: `${source}: prompt "${name}"`, reason });
  }
}
