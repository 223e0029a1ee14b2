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

export function createSettingsService(store: KeyValueStore): SettingsService {
  function get(): Settings {
    const saved = withStore('read', () => store.get(SETTINGS_KEY));
    const fields = isRecord(saved) ? saved : {};
    // Field by field, so one hand-edited bad value falls back alone instead of failing all.
    const entries = FIELDS.map((field) => {
      const parsed = settingsSchema.shape[field].safeParse(fields[field]);
      return [field, parsed.success ? parsed.data : DEFAULT_SETTINGS[field]];
    });
    return Object.fromEntries(entries) as Settings;
  }

  function update(patch: SettingsPatch): Settings {
    const valid = parseOrReject(settingsPatchSchema, patch);
    // Normalising can change a value (e.g. strip slashes), so check the result too.
    const next = parseOrReject(settingsSchema, normalise({ ...get(), ...valid }));
    withStore('write', () => store.set(SETTINGS_KEY, next));
    return next;
  }

  return { get, update };
}
