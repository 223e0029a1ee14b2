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
  useEffect(() => {
    let live = true;
    // The cached list: the table is bundled, so no request to the server is needed.
    api.listModels({ refresh: false }).then(
      (list) => live && setInfo(list.info),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return info[model]?.vision;
}
