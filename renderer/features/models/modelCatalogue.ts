import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ParleyApi } from '../../../preload/api';
import type { AppError, ModelList } from '../../../preload/contract';
import { toAppError } from '../../lib/errors';

/** The endpoint's models and what is known of them, shared by the picker, the answer stats and the 404 switch. */
export interface ModelCatalogue {
  list: ModelList | null;
  loadError: AppError | null;
  refreshing: boolean;
  /** Asks the server again; resolves with the new list, or null when it could not be loaded. */
  refresh(): Promise<ModelList | null>;
}

/** Loads the list once (from main's cache when it has one) and refreshes on request. */
export function useModelCatalogueState(api: ParleyApi): ModelCatalogue {
  const [list, setList] = useState<ModelList | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [refreshing, setRefreshing] = useState(false);

  useEffect(() => {
    let live = true;
    api.listModels({ refresh: false }).then(
      (result) => live && setList(result),
      (error: unknown) => live && setLoadError(toAppError(error)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      const result = await api.listModels({ refresh: true });
      setList(result);
      setLoadError(null);
      return result;
    } catch (error) {
      setLoadError(toAppError(error));
      return null;
    } finally {
      setRefreshing(false);
    }
  }, [api]);

  return useMemo(() => ({ list, loadError, refreshing, refresh }), [list, loadError, refreshing, refresh]);
}
