import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ParleyApi } from '../../../shared/ipc/client';
import type { AppError, ModelList } from '../../../shared/ipc';
import { toAppError } from '../../lib/errors';

/** The endpoint's models and what is known of them, shared by the picker, the answer stats and the 404 switch. */
export interface ModelCatalogue {
  list: ModelList | null;
  loadError: AppError | null;
  refreshing: boolean;
  /** Asks the server again; resolves with the new list, or null when it could not be loaded. */
  refresh(): Promise<ModelList | null>;
}

/** Loads the endpoint's list (from main's cache when it has one) whenever the endpoint changes, and refreshes on request. */
export function useModelCatalogueState(api: ParleyApi, endpointId: string): ModelCatalogue {
  // Tagged with their endpoint: another endpoint's list (or its error) must never show under this one.
  const [loaded, setLoaded] = useState<{ endpointId: string; list: ModelList | null; error: AppError | null } | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const current = loaded?.endpointId === endpointId ? loaded : null;
  const list = current?.list ?? null;
  const loadError = current?.error ?? null;

  useEffect(() => {
    let live = true;
    api.listModels({ refresh: false, endpointId }).then(
      (result) => live && setLoaded({ endpointId, list: result, error: null }),
      (error: unknown) => live && setLoaded({ endpointId, list: null, error: toAppError(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, endpointId]);

  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      const result = await api.listModels({ refresh: true, endpointId });
      setLoaded({ endpointId, list: result, error: null });
      return result;
    } catch (error) {
      setLoaded((previous) => ({ endpointId, list: previous?.endpointId === endpointId ? previous.list : null, error: toAppError(error) }));
      return null;
    } finally {
      setRefreshing(false);
    }
  }, [api, endpointId]);

  return useMemo(() => ({ list, loadError, refreshing, refresh }), [list, loadError, refreshing, refresh]);
}
