/**
 * A full backup: one JSON file with every conversation, the saved prompts and the settings,
 * never a secret. Restoring goes through parseBackup (checked like any outside data) and
 * mergePlan, which says what to insert, replace or skip so the store applies it in one
 * transaction: a backup that does not parse changes nothing.
 */
import { z } from 'zod';
import { settingsSchema } from '../../shared/ipc';
import type { Settings } from '../../shared/ipc';
import { isSecretName, redactUrl, withoutSecrets } from './redact';
import { conversationSchema, describeIssues } from './schema';
import type { ExportConversation, ExportMessage, ExportVersion, JsonValue } from './types';

export const BACKUP_SCHEMA_VERSION = 1;

/** Prompts are owned by the prompts feature: kept as JSON objects with an id until it defines them. */
export type BackupPrompt = { id: string } & { [key: string]: JsonValue };

export interface Backup {
  schemaVersion: typeof BACKUP_SCHEMA_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  conversations: ExportConversation[];
  prompts: BackupPrompt[];
  settings: Partial<Settings>;
}

const promptSchema = z.looseObject({ id: z.string().min(1) }) as unknown as z.ZodType<BackupPrompt>;

const backupSchema = z.object({
  schemaVersion: z.literal(BACKUP_SCHEMA_VERSION),
  exportedAt: z.iso.datetime(),
  conversations: z.array(conversationSchema),
  prompts: z.array(promptSchema),
  // Unknown keys (a newer version's settings, or anything secret) are dropped by the schema.
  settings: settingsSchema.partial(),
});

export class BackupFormatError extends Error {
  override readonly name = 'BackupFormatError';
}

/** Settings by the contract's own list of keys, minus anything secret-named, the URL without credentials. */
function safeSettings(settings: Settings): Partial<Settings> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(settingsSchema.shape) as (keyof Settings)[]) {
    if (!isSecretName(key) && settings[key] !== undefined) out[key] = key === 'baseURL' ? redactUrl(settings.baseURL) : settings[key];
  }
  return out as Partial<Settings>;
}

const safeMessage = <M extends ExportVersion>(m: M): M => (m.params ? { ...m, params: withoutSecrets(m.params) } : m);

function safeConversation(c: ExportConversation): ExportConversation {
  const messages = c.messages.map((m: ExportMessage) => safeMessage(m.versions ? { ...m, versions: m.versions.map(safeMessage) } : m));
  return { ...c, endpoint: redactUrl(c.endpoint), params: withoutSecrets(c.params), messages };
}

export function createBackup(input: { conversations: ExportConversation[]; prompts: BackupPrompt[]; settings: Settings; now: number }): Backup {
  return {
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: new Date(input.now).toISOString(),
    // Parsed through the schemas so that only known fields are written.
    conversations: input.conversations.map((c) => conversationSchema.parse(safeConversation(c))),
    prompts: input.prompts.map((p) => withoutSecrets(p) as BackupPrompt),
    settings: safeSettings(input.settings),
  };
}

export const backupToJson = (backup: Backup): string => `${JSON.stringify(backup, null, 2)}\n`;

/** Parses and checks a backup file's text; throws BackupFormatError with a sentence naming what is wrong. */
export function parseBackup(json: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new BackupFormatError(`This is not a Parley backup: it is not valid JSON (${(error as Error).message}).`);
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version !== 'number') throw new BackupFormatError('This is not a Parley backup: it has no schemaVersion.');
  if (version > BACKUP_SCHEMA_VERSION) throw new BackupFormatError(`This backup was made by a newer Parley (schema ${version}); update Parley to restore it.`);
  const result = backupSchema.safeParse(data);
  if (!result.success) throw new BackupFormatError(`This backup is damaged: ${describeIssues(result.error)}.`);
  return result.data as Backup;
}

export type MergeMode = 'skip' | 'replace';

export interface MergePlan {
  insert: ExportConversation[];
  replace: ExportConversation[];
  skip: { id: string; title: string; reason: string }[];
}

/** What restoring a backup would do: new ids are inserted; ids already stored are skipped or replaced, as the user chose. */
export function mergePlan(existingIds: Iterable<string>, backup: Backup, mode: MergeMode): MergePlan {
  const existing = new Set(existingIds);
  const seen = new Set<string>();
  const plan: MergePlan = { insert: [], replace: [], skip: [] };
  for (const c of backup.conversations) {
    if (seen.has(c.id)) plan.skip.push({ id: c.id, title: c.title, reason: 'appears more than once in the backup; the first is used.' });
    else if (!existing.has(c.id)) plan.insert.push(c);
    else if (mode === 'replace') plan.replace.push(c);
    else plan.skip.push({ id: c.id, title: c.title, reason: 'already in your history (kept as it is).' });
    seen.add(c.id);
  }
  return plan;
}
