/**
 * The MCP servers the person added, kept as a list in the settings file (key `toolServers`),
 * with which of their tools are switched off and which are "always allowed".
 *
 * Environment values (stdio) and header values (HTTP) usually hold tokens, so all of them are
 * treated as secrets: encrypted with the same Cipher as API keys, one ciphertext per server in
 * the secrets store, never in the settings file, never returned to the page (a hint at most),
 * never in exports or backups (which read neither store key).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SecretHint, ToolServerFields } from '../../shared/ipc';
import { AppFailure } from '../appFailure';
import type { Cipher } from '../secrets/cipher';
import { hintOf } from '../secrets/keyVault';
import type { KeyValueStore } from '../settings/keyValueStore';

/** Settings-file key of the server list. */
export const TOOL_SERVERS_KEY = 'toolServers';
/** Secrets-store key of one server's encrypted values; no dots, which conf would read as a path. */
const secretSlotOf = (id: string): string => `toolServerSecrets:${id}`;

const names = z.array(z.string());
const common = { id: z.string().min(1), name: z.string().min(1), disabledTools: names, alwaysAllowed: names };
const recordSchema = z.discriminatedUnion('transport', [
  z.object({ ...common, transport: z.literal('stdio'), command: z.string().min(1), args: names, secretNames: names }),
  z.object({ ...common, transport: z.literal('http'), url: z.string().min(1), secretNames: names }),
]);
/** A server as stored: `secretNames` are its environment variables (stdio) or headers (HTTP). */
export type ToolServerRecord = z.infer<typeof recordSchema>;

/** What it takes to start a server: the record with its secret values decrypted. */
export type LaunchConfig =
  | { id: string; name: string; transport: 'stdio'; command: string; args: string[]; env: Record<string, string> }
  | { id: string; name: string; transport: 'http'; url: string; headers: Record<string, string> };

export interface ToolServerStoreDeps {
  store: KeyValueStore;
  secretsStore: KeyValueStore;
  cipher: Cipher;
  newId?: () => string;
}

export interface ToolServerStore {
  list(): ToolServerRecord[];
  /** Throws a sentence for an id that is gone (removed in another window). */
  get(id: string): ToolServerRecord;
  add(fields: ToolServerFields, allowInsecure?: boolean): Promise<ToolServerRecord>;
  /** Replaces the server's description; a secret sent without a value keeps the stored one. */
  update(id: string, fields: ToolServerFields, allowInsecure?: boolean): Promise<ToolServerRecord>;
  remove(id: string): boolean;
  secretHints(id: string): Promise<SecretHint[]>;
  launchConfig(id: string): Promise<LaunchConfig>;
  setToolEnabled(id: string, tool: string, enabled: boolean): ToolServerRecord;
  /** "Always allow this tool" (true) or its revocation in Settings (false). */
  setAlwaysAllowed(id: string, tool: string, allowed: boolean): ToolServerRecord;
}

const secretsOf = (fields: ToolServerFields) => (fields.transport === 'stdio' ? fields.env : fields.headers);

export function createToolServerStore(deps: ToolServerStoreDeps): ToolServerStore {
  const newId = deps.newId ?? randomUUID;

  /** A hand-edited entry that no longer parses is left out rather than failing them all. */
  function list(): ToolServerRecord[] {
    const saved = deps.store.get(TOOL_SERVERS_KEY);
    if (!Array.isArray(saved)) return [];
    return saved.flatMap((entry) => {
      const parsed = recordSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  function get(id: string): ToolServerRecord {
    const found = list().find((server) => server.id === id);
    if (!found) throw new AppFailure({ code: 'invalid-request', message: 'That tool server no longer exists. It may have been removed in another window.' });
    return found;
  }

  function save(records: ToolServerRecord[]): void {
    try {
      deps.store.set(TOOL_SERVERS_KEY, records);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppFailure({ code: 'settings', message: `Parley could not write its settings file, so the tool servers were not changed: ${reason}` });
    }
  }

  function replace(next: ToolServerRecord): ToolServerRecord {
    save(list().map((server) => (server.id === next.id ? next : server)));
    return next;
  }

  async function readSecrets(id: string): Promise<Record<string, string>> {
    const saved = deps.secretsStore.get(secretSlotOf(id));
    if (typeof saved !== 'string' || saved === '') return {};
    try {
      return z.record(z.string(), z.string()).parse(JSON.parse(await deps.cipher.decrypt(Buffer.from(saved, 'base64'))));
    } catch (error) {
      // A reset keyring or a copied settings folder: the server starts without them and says why it fails.
      console.warn('The saved tool server secrets could not be decrypted:', error instanceof Error ? error.message : error);
      return {};
    }
  }

  async function writeSecrets(id: string, values: Record<string, string>, allowInsecure: boolean | undefined): Promise<void> {
    if (Object.keys(values).length === 0) {
      deps.secretsStore.delete(secretSlotOf(id));
      return;
    }
    if (!(await deps.cipher.isAvailable())) {
      throw new AppFailure({ code: 'internal', message: 'The server was not saved: this system offers no way to encrypt its environment values or headers.' });
    }
    if (!deps.cipher.isSecure && allowInsecure !== true) {
      throw new AppFailure({
        code: 'insecure-storage',
        message: `No OS keyring is available (storage backend: ${deps.cipher.backend}), so Parley could store this server’s environment values and headers only obfuscated. Store them without a keyring anyway?`,
      });
    }
    deps.secretsStore.set(secretSlotOf(id), (await deps.cipher.encrypt(JSON.stringify(values))).toString('base64'));
  }

  function assertUniqueName(name: string, exceptId: string | null): void {
    if (list().some((server) => server.id !== exceptId && server.name.toLowerCase() === name.toLowerCase())) {
      throw new AppFailure({ code: 'invalid-request', message: `A tool server named “${name}” already exists. Choose another name.` });
    }
  }

  /** The values to store: new ones as given, the others kept; a name without a stored value is refused. */
  async function mergedSecrets(id: string | null, fields: ToolServerFields): Promise<Record<string, string>> {
    const stored = id === null ? {} : await readSecrets(id);
    const values: Record<string, string> = {};
    for (const { name, value } of secretsOf(fields)) {
      const kept = value ?? stored[name];
      if (kept === undefined) throw new AppFailure({ code: 'invalid-request', message: `“${name}” has no value. Enter one.` });
      values[name] = kept;
    }
    return values;
  }

  function recordOf(id: string, fields: ToolServerFields, keep: Pick<ToolServerRecord, 'disabledTools' | 'alwaysAllowed'>): ToolServerRecord {
    const secretNames = secretsOf(fields).map((entry) => entry.name);
    return fields.transport === 'stdio'
      ? { id, name: fields.name, transport: 'stdio', command: fields.command, args: fields.args, secretNames, ...keep }
      : { id, name: fields.name, transport: 'http', url: fields.url, secretNames, ...keep };
  }

  return {
    list,
    get,

    async add(fields, allowInsecure) {
      assertUniqueName(fields.name, null);
      const record = recordOf(newId(), fields, { disabledTools: [], alwaysAllowed: [] });
      // The secrets first: if they cannot be stored, nothing is added.
      await writeSecrets(record.id, await mergedSecrets(null, fields), allowInsecure);
      save([...list(), record]);
      return record;
    },

    async update(id, fields, allowInsecure) {
      const current = get(id);
      assertUniqueName(fields.name, id);
      const values = await mergedSecrets(id, fields);
      await writeSecrets(id, values, allowInsecure);
      return replace(recordOf(id, fields, { disabledTools: current.disabledTools, alwaysAllowed: current.alwaysAllowed }));
    },

    remove(id) {
      const rest = list().filter((server) => server.id !== id);
      if (rest.length === list().length) return false;
      save(rest);
      deps.secretsStore.delete(secretSlotOf(id));
      return true;
    },

    async secretHints(id) {
      const values = await readSecrets(id);
      return get(id).secretNames.map((name) => ({ name, hint: values[name] === undefined ? null : hintOf(values[name]) }));
    },

    async launchConfig(id) {
      const record = get(id);
      const values = await readSecrets(id);
      const secrets = Object.fromEntries(record.secretNames.flatMap((name) => (values[name] === undefined ? [] : [[name, values[name]]])));
      return record.transport === 'stdio'
        ? { id, name: record.name, transport: 'stdio', command: record.command, args: record.args, env: secrets }
        : { id, name: record.name, transport: 'http', url: record.url, headers: secrets };
    },

    setToolEnabled(id, tool, enabled) {
      const record = get(id);
      const others = record.disabledTools.filter((name) => name !== tool);
      return replace({ ...record, disabledTools: enabled ? others : [...others, tool] });
    },

    setAlwaysAllowed(id, tool, allowed) {
      const record = get(id);
      const others = record.alwaysAllowed.filter((name) => name !== tool);
      return replace({ ...record, alwaysAllowed: allowed ? [...others, tool] : others });
    },
  };
}
