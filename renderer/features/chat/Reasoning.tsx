import { useEffect, useRef } from 'react';
import { formatDuration } from '../../lib/format';

interface ReasoningProps {
  text: string;
  /** True while the model thinks and no answer text has arrived yet. */
  thinking: boolean;
  /** How long it thought (main measures it, history keeps it); null when not known. */
  durationMs: number | null;
}

/**
 * The model's reasoning, folded away once the answer starts, with how long it took. The element
 * stays uncontrolled so a person can open or close it; only the start and end of thinking move it.
 */
export function Reasoning({ text, thinking, durationMs }: ReasoningProps) {
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    if (ref.current) ref.current.open = thinking;
  }, [thinking]);

  return (
    <details ref={ref} className="reasoning">
      <summary>
        <span>Thinking</span>
        {thinking && <span className="thinking-dots" aria-hidden="true" />}
        {!thinking && durationMs !== null && <span className="reasoning-duration">Thought for {formatDuration(durationMs)}</span>}
      </summary>
      <div className="reasoning-text">{text}</div>
    </details>
  );
}
