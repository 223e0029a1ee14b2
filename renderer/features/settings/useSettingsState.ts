import { useCallback, useMemo, useRef, useState } from 'react';
import type { Settings, SettingsPatch } from '../../../shared/ipc';
import type { ParleyApi } from '../../../shared/ipc/client';
import type { SettingsState } from './settingsContext';

interface Preview {
  request: number;
  patch: SettingsPatch;
}

/**
 * The settings as the window shows them: the newest settings main has answered with, and over
 * them every previewed change main has not answered yet, in the order they were made.
 *
 * Two quick changes (two switches flipped, the sidebar toggled twice) each wait for main. Main
 * answers them in the order they were sent, but an answer, or a read after an announced change,
 * may reach the window while a later change is still on its way: shown as it is, it would flip
 * that later change back for a moment. So an answer to an older request than the one shown is
 * dropped, and a change still waiting stays shown over whatever main said before it.
 */
export function useSettingsState(api: ParleyApi, fromMain: Settings | undefined, showFromMain: (settings: Settings) => void) {
  const requests = useRef(0);
  const shownRequest = useRef(0);
  const [previews, setPreviews] = useState<readonly Preview[]>([]);

  const accept = useCallback(
    (request: number, settings: Settings) => {
      if (request < shownRequest.current) return;
      shownRequest.current = request;
      showFromMain(settings);
    },
    [showFromMain],
  );

  /** Reads main's settings again (after main announced a change). */
  const reread = useCallback(async () => {
    const request = ++requests.current;
    accept(request, await api.getSettings());
  }, [api, accept]);

  const update = useCallback(
    async (patch: SettingsPatch, { preview = false } = {}) => {
      const request = ++requests.current;
      if (preview) setPreviews((shown) => [...shown, { request, patch }]);
      try {
        const settings = await api.updateSettings(patch);
        accept(request, settings);
        return settings;
      } finally {
        // A refused change goes back to what main has, and no other change waiting goes with it.
        if (preview) setPreviews((shown) => shown.filter((each) => each.request !== request));
      }
    },
    [api, accept],
  );

  const value = useMemo(() => fromMain && previews.reduce<Settings>((shown, { patch }) => ({ ...shown, ...patch }), fromMain), [fromMain, previews]);
  const state = useMemo<SettingsState | null>(() => (value ? { value, update } : null), [value, update]);
  return { state, reread };
}
