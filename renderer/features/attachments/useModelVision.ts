import { useEffect, useState } from 'react';
import type { ModelList } from '../../../preload/contract';
import { useParley } from '../../app/ParleyContext';

/**
 * Whether `model` reads images: true or false for the models Parley's table knows, null when
 * the table says it does not know, undefined for a model it has never heard of.
 */
export function useModelVision(model: string): boolean | null | undefined {
  const api = useParley();
  const [info, setInfo] = useState<ModelList['info']>({});
  // Read again for each model: the picker may have refreshed the list since. The cached list
  // answers without a request to the server.
  useEffect(() => {
    let live = true;
    api.listModels({ refresh: false }).then(
      (list) => live && setInfo(list.info),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, model]);
  return info[model]?.vision;
}
