import { useContext, useEffect, useRef } from 'react';
import { formatSeconds } from '../../lib/format';
import { ThinkingTimeContext } from './thinkingTime';

interface ReasoningProps {
  text: string;
  /** True while the model thinks and no answer text has arrived yet. */
  thinking: boolean;
}

/**
 * The model's reasoning, folded away once the answer starts, with how long it took when this
 * window watched it happen. The element stays uncontrolled so a person can open or close it;
 * only the start and end of thinking move it.
 */
export function Reasoning({ text, thinking }: ReasoningProps) {
  const ref = useRef<HTMLDetailsElement>(null);
  const durationMs = useContext(ThinkingTimeContext);

  useEffect(() => {
    if (ref.current) ref.current.open = thinking;
  }, [thinking]);

  return (
    <details ref={ref} className="reasoning">
      <summary>
        <span>Thinking</span>
        {thinking && <span className="thinking-dots" aria-hidden="true" />}
        {!thinking && durationMs !== null && <span className="reasoning-duration">Thought for {formatSeconds(durationMs)}</span>}
      </summary>
      <div className="reasoning-text">{text}</div>
    </details>
  );
}
