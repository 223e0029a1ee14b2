/**
 * A full backup: one JSON file with every conversation, the saved prompts, the endpoints (name,
 * base URL, project header) and the settings, never a secret. Each conversation names its
 * endpoint by URL (readable) and by id (exact: two endpoints may share a URL), so a restore sends
 * it back to its own endpoint. Restoring goes through parseBackup (checked like any outside data)
 * and mergePlan, which says what to insert, replace or skip so the store applies it in one
 * transaction: a backup that does not parse changes nothing.
 */
import { z } from 'zod';
import { settingsSchema } from '../../shared/ipc';
import type { Settings } from '../../shared/ipc';
import { isSecretName, redactUrl, withoutSecrets } from './redact';
import { conversationSchema, describeIssues } from './schema';
import { mapNodes } from './exportTree';
import type { ExportConversation, ExportNode, JsonValue } from './types';

export const BACKUP_SCHEMA_VERSION = 1;

/** Prompts are owned by the prompts feature: kept as JSON objects with an id until it defines them. */
export type BackupPrompt = { id: string } & { [key: string]: JsonValue };

/** An endpoint as a backup keeps it; the built-in one (W&B Inference) is listed for reference and never added. */
export interface BackupEndpoint {
  id: string;
  name: string;
  baseURL: string;
  project: string;
  builtIn: boolean;
}

/** `endpointId`: the endpoint it was held with, among the backup's `endpoints` (absent in backups made before they were kept). */
export type BackupConversation = ExportConversation & { endpointId?: string };

export interface Backup {
  schemaVersion: typeof BACKUP_SCHEMA_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  conversations: BackupConversation[];
  prompts: BackupPrompt[];
  /** Absent in backups made before endpoints were kept. */
  endpoints: BackupEndpoint[];
  settings: Partial<Settings>;
}

const promptSchema = z.looseObject({ id: z.string().min(1) }) as unknown as z.ZodType<BackupPrompt>;

const endpointSchema = z.object({ id: z.string().min(1), name: z.string().min(1), baseURL: z.string(), project: z.string(), builtIn: z.boolean() });

const backupSchema = z.object({
  schemaVersion: z.literal(BACKUP_SCHEMA_VERSION),
  exportedAt: z.iso.datetime(),
  conversations: z.array(z.intersection(conversationSchema, z.object({ endpointId: z.string().min(1).optional() }))),
  prompts: z.array(promptSchema),
  endpoints: z.array(endpointSchema).default([]),
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

const safeMessage = <M extends ExportNode>(m: M): M => (m.params ? { ...m, params: withoutSecrets(m.params) } : m);

function safeConversation(c: ExportConversation): ExportConversation {
  return { ...c, endpoint: redactUrl(c.endpoint), params: withoutSecrets(c.params), messages: mapNodes(c.messages, safeMessage) };
}

const safeEndpoint = ({ id, name, baseURL, project, builtIn }: BackupEndpoint): BackupEndpoint => ({ id, name, baseURL: redactUrl(baseURL), project, builtIn });

export function createBackup(input: {
  conversations: BackupConversation[];
  prompts: BackupPrompt[];
  endpoints?: BackupEndpoint[];
  settings: Settings;
  now: number;
}): Backup {
  return {
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: new Date(input.now).toISOString(),
    // Parsed through the schemas so that only known fields are written.
    conversations: input.conversations.map(({ endpointId, ...c }) => ({
      ...conversationSchema.parse(safeConversation(c)),
      ...(endpointId ? { endpointId } : {}),
    })),
    prompts: input.prompts.map((p) => withoutSecrets(p) as BackupPrompt),
    endpoints: (input.endpoints ?? []).map(safeEndpoint),
    settings: safeSettings(input.settings),
  };
}

export const backupToJson = (backup: Backup): string => `${JSON.stringify(backup, null, 2)}\n`;

const KINDS = 'neither a ChatGPT export (a list of conversations) nor a Parley backup (an object with a schemaVersion)';

/**
 * Why a `.json` file that is not a list (ChatGPT's conversations.json is one) is not a Parley
 * backup, naming the file: empty, not JSON, or JSON of another kind. Null when it looks like a
 * backup; parseBackup checks the rest.
 */
export function unrecognisedJson(name: string, json: string): string | null {
  if (json.trim() === '') return `${name} is empty, so there is nothing in it to import.`;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return `${name} is not valid JSON (${(error as Error).message}), so it is ${KINDS}.`;
  }
  const isBackupLike = typeof data === 'object' && data !== null && !Array.isArray(data) && 'schemaVersion' in data;
  return isBackupLike ? null : `${name} is ${KINDS}.`;
}

/** Checks a backup; branches nested deeper than the checker's stack (thousands of levels: no conversation a person made) are refused by name. */
function safeParseNested(data: unknown): ReturnType<typeof backupSchema.safeParse> {
  try {
    return backupSchema.safeParse(data);
  } catch (error) {
    if (error instanceof RangeError) throw new BackupFormatError('This backup is damaged: its branches are nested too deeply to read.');
    throw error;
  }
}

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
  const result = safeParseNested(data);
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
