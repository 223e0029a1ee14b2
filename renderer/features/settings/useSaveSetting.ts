import { useCallback, useEffect, useState } from 'react';
import type { SettingsPatch } from '../../../shared/ipc';
import { toAppError } from '../../lib/errors';
import { useSettings } from './settingsContext';

/** How long a row says "Saved": long enough to notice, short enough never to go stale. */
export const SAVED_MS = 2_000;

/**
 * Saves one settings row the moment it changes (Settings has no Save button) and keeps what
 * that row should say: "Saved" for a moment, or main's reason for refusing the value.
 */
export function useSaveSetting() {
  const { update } = useSettings();
  // A count, not a flag: a second save inside the 2 s restarts the moment.
  const [savedCount, setSavedCount] = useState(0);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (savedCount === 0) return;
    const timer = setTimeout(() => setSaved(false), SAVED_MS);
    return () => clearTimeout(timer);
  }, [savedCount]);

  const save = useCallback(
    async (patch: SettingsPatch, { preview = false } = {}): Promise<boolean> => {
      setError(null);
      // A choice (theme, text size, a switch) shows before main answers, so it previews with no
      // delay; a typed value waits, so a refused one stays in its field rather than snapping back.
      try {
        await update(patch, { preview });
        setSaved(true);
        setSavedCount((count) => count + 1);
        return true;
      } catch (failure) {
        setSaved(false);
        setError(toAppError(failure).message);
        return false;
      }
    },
    [update],
  );

  return { save, saved, error };
}
