import { useEffect, useState } from 'react';
import { Callout } from '../../ui/Callout';
import { Icons, type Icon } from '../../ui/icons';

/** How long a 429 waits before asking again by itself (main has already backed off a few times). */
export const RATE_LIMIT_WAIT_S = 10;
/** An answer that failed longer ago than this (opened from history) does not start a countdown. */
const FRESH_MS = 60_000;

interface RateLimitWaitProps {
  icon: Icon;
  title: string;
  message: string;
  /** When the failed answer was made: only a fresh failure counts down. */
  failedAt: number;
  canRetry: boolean;
  onRetry: () => void;
}

/**
 * A 429 "too many requests at once": a visible countdown, then it asks again by itself;
 * "Retry now" skips the wait, "Cancel" stops it and leaves a plain Retry.
 */
export function RateLimitWait({ icon, title, message, failedAt, canRetry, onRetry }: RateLimitWaitProps) {
  const [left, setLeft] = useState<number | null>(() => (Date.now() - failedAt < FRESH_MS ? RATE_LIMIT_WAIT_S : null));
  const counting = left !== null && canRetry;

  useEffect(() => {
    if (!counting) return;
    if (left <= 0) {
      onRetry();
      return;
    }
    const timer = setTimeout(() => setLeft(left - 1), 1_000);
    return () => clearTimeout(timer);
  }, [counting, left, onRetry]);

  return (
    <Callout
      className="answer-problem"
      tone="warning"
      icon={icon}
      title={title}
      role={counting ? 'status' : 'alert'}
      actions={
        counting ? (
          <>
            <button type="button" onClick={onRetry}>
              <Icons.retry aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
              Retry now
            </button>
            <button type="button" onClick={() => setLeft(null)}>
              Cancel
            </button>
            {/* Read once in the sentence below; a number read out every second would drown the page. */}
            <span className="callout-note" aria-hidden="true">
              Retrying in {left} s
            </span>
          </>
        ) : (
          <button type="button" onClick={onRetry} disabled={!canRetry}>
            <Icons.retry aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
            Retry
          </button>
        )
      }
    >
      <p>
        {message}
        {counting && <span className="visually-hidden"> Parley asks again by itself in {RATE_LIMIT_WAIT_S} seconds.</span>}
      </p>
    </Callout>
  );
}
