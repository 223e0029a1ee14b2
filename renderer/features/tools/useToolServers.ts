import { useCallback, useEffect, useState } from 'react';
import type { ToolServerView } from '../../../shared/ipc';
import type { ParleyApi } from '../../../shared/ipc/client';
import { toAppError } from '../../lib/errors';
import { useChanges } from '../../lib/useChanges';

/**
 * The MCP servers as main lists them, read again whenever main announces a `tools` change (a
 * server added, started, crashed). `null` until the first answer; `error` when it failed.
 */
export function useToolServers(api: ParleyApi) {
  const [servers, setServers] = useState<ToolServerView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    api.listToolServers().then(
      (list) => {
        setServers(list);
        setError(null);
      },
      (caught: unknown) => setError(toAppError(caught).message),
    );
  }, [api]);

  useEffect(reload, [reload]);
  useChanges(api, ['tools'], reload);

  /** Shows main's answer to a call at once; the change that follows settles it. */
  const show = useCallback((server: ToolServerView) => {
    setServers((current) => {
      const list = current ?? [];
      return list.some((known) => known.id === server.id) ? list.map((known) => (known.id === server.id ? server : known)) : [...list, server];
    });
  }, []);

  return { servers, error, show };
}
