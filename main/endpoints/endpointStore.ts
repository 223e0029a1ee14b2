/**
 * The endpoints Parley can talk to: the built-in W&B Inference endpoint, whose base URL and
 * team/project are the `baseURL`/`project` settings (so `--base-url` keeps working), and the
 * OpenAI-compatible servers the user added, kept as a list in the settings file.
 *
 * Each endpoint has its own key slot in the secrets store, encrypted with the same Cipher. The
 * W&B key keeps the slot it always had, so it needs no re-entry; PARLEY_API_KEY stands in for
 * the W&B key only and never reaches another endpoint.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_ENDPOINT_ID, type EndpointView, type KeyStatus } from '../../shared/ipc';
import { AppFailure } from '../appFailure';
import type { Endpoint } from '../chat/openaiClient';
import type { Cipher } from '../secrets/cipher';
import { CIPHERTEXT_KEY, createKeyVault, type KeyVault } from '../secrets/keyVault';
import type { KeyValueStore } from '../settings/keyValueStore';
import type { SettingsService } from '../settings/settingsService';

/** Settings-file key of the added endpoints (the settings object itself lives under `settings`). */
export const ENDPOINTS_KEY = 'endpoints';
export const BUILT_IN_NAME = 'W&B Inference';

export interface EndpointFields {
  name: string;
  baseURL: string;
  project: string;
}

export interface EndpointRecord extends EndpointFields {
  id: string;
}

/** An endpoint ready for a request: where, with which key. */
export interface ResolvedEndpoint extends Endpoint {
  id: string;
}

export interface EndpointStoreDeps {
  settings: SettingsService;
  /** The settings file, which holds the list. */
  store: KeyValueStore;
  secretsStore: KeyValueStore;
  cipher: Cipher;
  /** PARLEY_API_KEY: the W&B endpoint's key when none is saved. */
  envKey?: string | null;
  newId?: () => string;
}

export interface EndpointStore {
  list(): Promise<EndpointView[]>;
  add(fields: EndpointFields, key?: { key: string; allowInsecure?: boolean }): Promise<EndpointView>;
  update(id: string, patch: Partial<EndpointFields>): Promise<EndpointView>;
  remove(id: string): Promise<{ removed: boolean }>;
  keyVault(id: string): KeyVault;
  view(id: string): Promise<EndpointView>;
  /**
   * The endpoint for a request; an absent or empty id means the built-in one. An id Parley does not
   * know (a removed endpoint, a URL a restored conversation names) is refused with `endpoint-missing`:
   * a conversation never goes anywhere but its own endpoint.
   */
  resolve(id?: string): Promise<ResolvedEndpoint>;
  /** Every endpoint as a backup keeps it: never its key. */
  records(): (EndpointRecord & { builtIn: boolean })[];
  /**
   * Puts back endpoints from a backup (keyless): one with the same id, or the same name, base
   * URL and project, is used as it is; the others are added under their own id. Returns each
   * backup id → the id here, and the names of those added.
   */
  restore(records: readonly EndpointRecord[]): { ids: Map<string, string>; added: string[] };
  /**
   * For exports, which say where a conversation's answers came from. A value that is no endpoint's
   * id (a URL an imported file named, '' for unknown) is written back as it is, so a re-export of an
   * import says the same; such a conversation chats on the default endpoint.
   */
  baseURLOf(id: string): string;
  /** For imports: the id of the endpoint with this base URL, else the URL as it was. */
  idOf(baseURL: string): string;
}

const recordSchema = z.object({ id: z.string().min(1), name: z.string().min(1), baseURL: z.string().min(1), project: z.string() });

/** The ciphertext slot of an added endpoint's key; no dots, which conf would read as a path. */
const slotOf = (id: string): string => `${CIPHERTEXT_KEY}:${id}`;

const trimURL = (url: string): string => url.trim().replace(/\/+$/, '');

const sameEndpoint = (a: EndpointRecord, b: EndpointRecord): boolean =>
  a.name.toLowerCase() === b.name.trim().toLowerCase() && a.baseURL === trimURL(b.baseURL) && a.project === b.project.trim();

/** `name`, or `name (2)`, `name (3)`… when another endpoint has it (names are unique, whatever their case). */
function freeName(name: string, endpoints: readonly EndpointRecord[]): string {
  const taken = new Set(endpoints.map((endpoint) => endpoint.name.toLowerCase()));
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
  return candidate;
}

/** Refused rather than sent elsewhere: the conversation's own endpoint is not set up here. */
function endpointMissing(id: string): AppFailure {
  const which = /^https?:\/\//i.test(id) ? `This conversation’s endpoint, ${id},` : 'The endpoint this conversation was held with';
  return new AppFailure({
    code: 'endpoint-missing',
    message: `${which} is not set up in Parley, so nothing was sent. Choose an endpoint for the conversation next to the model, or add that endpoint again.`,
  });
}

export function createEndpointStore(deps: EndpointStoreDeps): EndpointStore {
  const newId = deps.newId ?? randomUUID;

  /** Added endpoints; a hand-edited entry that no longer parses is left out rather than failing them all. */
  function added(): EndpointRecord[] {
    const saved = deps.store.get(ENDPOINTS_KEY);
    if (!Array.isArray(saved)) return [];
    return saved.flatMap((entry) => {
      const parsed = recordSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  function builtIn(): EndpointRecord {
    const { baseURL, project } = deps.settings.get();
    return { id: DEFAULT_ENDPOINT_ID, name: BUILT_IN_NAME, baseURL, project };
  }

  const all = (): EndpointRecord[] => [builtIn(), ...added()];

  function find(id: string): EndpointRecord {
    const found = all().find((endpoint) => endpoint.id === id);
    if (!found) throw new AppFailure({ code: 'invalid-request', message: 'That endpoint no longer exists. It may have been removed in another window.' });
    return found;
  }

  /** The vault of an endpoint known to exist. */
  function vaultOf(id: string): KeyVault {
    return id === DEFAULT_ENDPOINT_ID
      ? createKeyVault({ cipher: deps.cipher, store: deps.secretsStore, envKey: deps.envKey ?? null })
      : createKeyVault({ cipher: deps.cipher, store: deps.secretsStore, slot: slotOf(id) });
  }

  function keyVault(id: string): KeyVault {
    find(id);
    return vaultOf(id);
  }

  async function viewOf(record: EndpointRecord): Promise<EndpointView> {
    const key: KeyStatus = await vaultOf(record.id).status();
    return { ...record, builtIn: record.id === DEFAULT_ENDPOINT_ID, key };
  }

  function assertUniqueName(name: string, exceptId: string | null): void {
    const taken = all().some((endpoint) => endpoint.id !== exceptId && endpoint.name.toLowerCase() === name.toLowerCase());
    if (taken) throw new AppFailure({ code: 'invalid-request', message: `An endpoint named “${name}” already exists. Choose another name.` });
  }

  function saveAdded(records: EndpointRecord[]): void {
    try {
      deps.store.set(ENDPOINTS_KEY, records);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppFailure({ code: 'settings', message: `Parley could not write its settings file, so the endpoints were not changed: ${reason}` });
    }
  }

  const clean = (fields: Partial<EndpointFields>): Partial<EndpointFields> => ({
    ...(fields.name === undefined ? {} : { name: fields.name.trim() }),
    ...(fields.baseURL === undefined ? {} : { baseURL: trimURL(fields.baseURL) }),
    ...(fields.project === undefined ? {} : { project: fields.project.trim() }),
  });

  async function add(fields: EndpointFields, key?: { key: string; allowInsecure?: boolean }): Promise<EndpointView> {
    const record = { id: newId(), ...fields, ...clean(fields) };
    assertUniqueName(record.name, null);
    if (key?.key.trim()) {
      // The key first: if it cannot be stored (no keyring, the user not yet agreeing), nothing is added.
      await createKeyVault({ cipher: deps.cipher, store: deps.secretsStore, slot: slotOf(record.id) }).save(key.key, key.allowInsecure);
    }
    saveAdded([...added(), record]);
    return viewOf(record);
  }

  async function update(id: string, patch: Partial<EndpointFields>): Promise<EndpointView> {
    const current = find(id);
    const changes = clean(patch);
    if (id === DEFAULT_ENDPOINT_ID) {
      if (changes.name !== undefined && changes.name !== BUILT_IN_NAME) {
        throw new AppFailure({ code: 'invalid-request', message: `The built-in endpoint keeps its name, “${BUILT_IN_NAME}”.` });
      }
      const { baseURL, project } = changes;
      deps.settings.update({ ...(baseURL === undefined ? {} : { baseURL }), ...(project === undefined ? {} : { project }) });
      return viewOf(builtIn());
    }
    const next = { ...current, ...changes };
    assertUniqueName(next.name, id);
    saveAdded(added().map((endpoint) => (endpoint.id === id ? next : endpoint)));
    return viewOf(next);
  }

  async function remove(id: string): Promise<{ removed: boolean }> {
    if (id === DEFAULT_ENDPOINT_ID) {
      throw new AppFailure({ code: 'invalid-request', message: `${BUILT_IN_NAME} is built in and cannot be removed.` });
    }
    const rest = added().filter((endpoint) => endpoint.id !== id);
    if (rest.length === added().length) return { removed: false };
    saveAdded(rest);
    deps.secretsStore.delete(slotOf(id));
    if (deps.settings.get().defaultEndpointId === id) deps.settings.update({ defaultEndpointId: DEFAULT_ENDPOINT_ID });
    return { removed: true };
  }

  async function resolve(id?: string): Promise<ResolvedEndpoint> {
    const record = id === undefined || id === '' ? builtIn() : all().find((endpoint) => endpoint.id === id);
    if (!record) throw endpointMissing(id ?? '');
    const { baseURL, project } = record;
    const apiKey = await vaultOf(record.id).read();
    // Only W&B insists on a key; a local server may take none.
    return { id: record.id, baseURL, project, apiKey, keyOptional: record.id !== DEFAULT_ENDPOINT_ID };
  }

  function restore(records: readonly EndpointRecord[]): { ids: Map<string, string>; added: string[] } {
    const ids = new Map<string, string>([[DEFAULT_ENDPOINT_ID, DEFAULT_ENDPOINT_ID]]);
    const adding: EndpointRecord[] = [];
    for (const record of records) {
      if (record.id === DEFAULT_ENDPOINT_ID) continue;
      const known = [...all(), ...adding];
      const same = known.find((endpoint) => endpoint.id === record.id) ?? known.find((endpoint) => sameEndpoint(endpoint, record));
      if (same) {
        ids.set(record.id, same.id);
        continue;
      }
      const name = freeName(record.name.trim(), known);
      adding.push({ id: record.id, name, baseURL: trimURL(record.baseURL), project: record.project.trim() });
      ids.set(record.id, record.id);
    }
    if (adding.length > 0) saveAdded([...added(), ...adding]);
    return { ids, added: adding.map((endpoint) => endpoint.name) };
  }

  return {
    list: () => Promise.all(all().map(viewOf)),
    records: () => all().map((record) => ({ ...record, builtIn: record.id === DEFAULT_ENDPOINT_ID })),
    restore,
    add,
    update,
    remove,
    keyVault,
    view: (id) => viewOf(find(id)),
    resolve,
    baseURLOf: (id) => all().find((endpoint) => endpoint.id === id)?.baseURL ?? id,
    idOf: (baseURL) => (baseURL ? (all().find((endpoint) => endpoint.baseURL === trimURL(baseURL))?.id ?? baseURL) : ''),
  };
}
