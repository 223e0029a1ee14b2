import { useEffect, useState } from 'react';
import type { UpdateStatus } from '../../../shared/ipc';
import { toAppError } from '../../lib/errors';
import { useParley } from '../../lib/ParleyContext';

/**
 * "Parley <version> is ready — restart to update": a quiet line, shown once main has downloaded
 * an update (asked at start, in case it finished before the window, and on main's push after).
 */
export function UpdateNotice() {
  const api = useParley();
  const [status, setStatus] = useState<UpdateStatus>({ ready: false });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const refresh = () =>
      api.updateStatus().then(
        (next) => live && setStatus(next),
        (failure: unknown) => console.warn('Could not read the update status', failure),
      );
    void refresh();
    const unsubscribe = api.onCommand((command) => {
      if (command === 'update-ready') void refresh();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);

  if (!status.ready) return null;
  const restart = () => api.installUpdate().catch((failure: unknown) => setError(toAppError(failure).message));
  return (
    <div role="status" className="notice update-notice">
      <p>
        Parley {status.version} is ready — restart to update.{error && <span className="error-text"> {error}</span>}
      </p>
      <button type="button" onClick={() => void restart()}>
        Restart now
      </button>
    </div>
  );
}
