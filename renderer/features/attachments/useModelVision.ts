import { useEffect, useState } from 'react';
import type { ModelList } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';

/**
 * Whether `model` reads images: true or false for the models Parley's table knows, null when
 * the table says it does not know, undefined for a model it has never heard of, 'loading'
 * until the list has been read. The list is read only once the answer matters (`needed`: images
 * are attached), from the cache: the table is bundled, so no request goes to the server.
 */
export function useModelVision(model: string, needed: boolean): boolean | null | undefined | 'loading' {
  const api = useParley();
  const [info, setInfo] = useState<ModelList['info'] | null>(null);
  useEffect(() => {
    if (!needed) return;
    let live = true;
    // Read again for each model: the picker may have refreshed the list since.
    api.listModels({ refresh: false }).then(
      (list) => live && setInfo(list.info),
      // Nothing known: images are not blocked, and a refusal from the server is explained.
      () => live && setInfo({}),
    );
    return () => {
      live = false;
    };
  }, [api, model, needed]);
  return info === null ? 'loading' : info[model]?.vision;
}
