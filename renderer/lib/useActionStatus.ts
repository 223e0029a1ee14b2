import { useCallback, useEffect, useRef, useState } from 'react';
import { toAppError } from './errors';

/** Long enough to read a saved file's path; then the line clears so it never goes stale. */
const STATUS_MS = 8_000;

/**
 * Runs one user action at a time and keeps what to tell the person about it: a short
 * status when it worked (null: nothing to say), the error's message when it failed.
 * A click while one runs is ignored rather than the buttons disabled: a disabled button
 * drops keyboard focus, and a save dialog coming back would leave the person nowhere.
 */
export function useActionStatus() {
  const running = useRef(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (status === '') return;
    const timer = setTimeout(() => setStatus(''), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const run = useCallback(async (action: () => Promise<string | null>) => {
    if (running.current) return;
    running.current = true;
    setStatus('');
    setError(null);
    try {
      setStatus((await action()) ?? '');
    } catch (failure) {
      setError(toAppError(failure).message);
    } finally {
      running.current = false;
    }
  }, []);

  return { status, error, run };
}
