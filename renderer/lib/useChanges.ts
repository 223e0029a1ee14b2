import { useEffect, useEffectEvent } from 'react';
import type { Change, ChangeTopic } from '../../shared/ipc';
import type { ParleyApi } from '../../shared/ipc/client';

/**
 * Calls `onChange` with each change main announces on one of `topics`, for as long as the
 * component is mounted: how a feature learns that what it shows was changed elsewhere (an
 * import, Settings, a chat still streaming, a restored backup). `onChange` may change on
 * every render; the subscription stays.
 */
export function useChanges(api: ParleyApi, topics: readonly ChangeTopic[], onChange: (change: Change) => void): void {
  const latest = useEffectEvent(onChange);
  const watched = topics.join(' ');
  useEffect(
    () =>
      api.onChange((change) => {
        if (watched.split(' ').includes(change.topic)) latest(change);
      }),
    [api, watched],
  );
}
