import { useCallback, useEffect, useState } from 'react';
import type { ParleyApi } from '../../../shared/ipc/client';
import type { Notice } from '../../../shared/ipc';

/** How often the page asks again while answers wait in memory for disk space (main retries saving each time). */
const UNSAVED_POLL_MS = 2_000;

/**
 * The notices main wants shown, fetched at start, whenever `refresh` is called (a storage
 * problem was reported), and every few seconds while answers wait to be saved. Dismissing one
 * tells main, so it does not come back.
 */
export function useNotices(api: ParleyApi, loadKey: unknown) {
  const [notices, setNotices] = useState<Notice[]>([]);

  const refresh = useCallback(() => {
    api.notices().then(setNotices, (error: unknown) => console.warn('Could not load notices', error));
  }, [api]);

  // Notices are a courtesy: failing to fetch them must not keep the app from starting.
  useEffect(refresh, [refresh, loadKey]);

  const waiting = notices.some((notice) => (notice.unsaved ?? 0) > 0);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(refresh, UNSAVED_POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, refresh]);

  const dismiss = useCallback(
    (id: string) => {
      setNotices((list) => list.filter((notice) => notice.id !== id));
      api.dismissNotice({ id }).catch((error: unknown) => console.warn('Could not dismiss the notice', error));
    },
    [api],
  );

  return { notices, refresh, dismiss };
}
