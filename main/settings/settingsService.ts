import type { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  settingsPatchSchema,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../shared/ipc';
import { AppFailure } from '../appFailure';
import type { KeyValueStore } from './keyValueStore';

/**
 * All settings live as one object under this key, so the settings file can also
 * hold other small state (caches, window bounds) without name clashes.
 */
export const SETTINGS_KEY = 'settings';

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}

const FIELDS = Object.keys(settingsSchema.shape) as (keyof Settings)[];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseOrReject<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`);
  throw new AppFailure({ code: 'invalid-request', message: `Settings not saved: ${reasons.join('; ')}` });
}

/** Store errors (unreadable file, full disk) become a sentence the UI can show. */
function withStore<T>(action: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppFailure({ code: 'settings', message: `Parley could not ${action} its settings file: ${reason}` });
  }
}

function normalise(settings: Settings): Settings {
  return {
    ...settings,
    baseURL: settings.baseURL.trim().replace(/\/+$/, ''),
    project: settings.project.trim(),
  };
}

/** Freezes `value` and everything in it: the settings kept below are handed to every caller. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The settings as last read or written, per store. Parsing them field by field took half a
 * millisecond in a process that had slept, and every send reads them on its way out. Only this
 * service writes them, so what it last read or wrote is what the store holds; kept per store, so
 * every service on one store (the app makes two) sees the others' updates.
 */
const known = new WeakMap<KeyValueStore, Settings>();

export function createSettingsService(store: KeyValueStore): SettingsService {
  function read(): Settings {
    const saved = withStore('read', () => store.get(SETTINGS_KEY));
    const fields = isRecord(saved) ? saved : {};
    // Field by field, so one hand-edited bad value falls back alone instead of failing all.
    const entries = FIELDS.map((field) => {
      const parsed = settingsSchema.shape[field].safeParse(fields[field]);
      // A copy: the defaults' lists must not be frozen along with what is kept.
      return [field, parsed.success ? parsed.data : structuredClone(DEFAULT_SETTINGS[field])];
    });
    return Object.fromEntries(entries) as Settings;
  }

  function get(): Settings {
    let settings = known.get(store);
    if (!settings) known.set(store, (settings = frozen(read())));
    return settings;
  }

  function update(patch: SettingsPatch): Settings {
    const valid = parseOrReject(settingsPatchSchema, patch);
    // Normalising can change a value (e.g. strip slashes), so check the result too.
    const next = parseOrReject(settingsSchema, normalise({ ...get(), ...valid }));
    withStore('write', () => store.set(SETTINGS_KEY, next));
    known.set(store, frozen(next));
    return next;
  }

  return { get, update };
}
