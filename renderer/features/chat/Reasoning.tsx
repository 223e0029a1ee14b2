import { useEffect, useRef } from 'react';

interface ReasoningProps {
  text: string;
  /** True while the model thinks and no answer text has arrived yet. */
  thinking: boolean;
}

/**
 * The model's reasoning, folded away once the answer starts. The element stays
 * uncontrolled so a person can open or close it; only the start and end of thinking move it.
 */
export function Reasoning({ text, thinking }: ReasoningProps) {
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    if (ref.current) ref.current.open = thinking;
  }, [thinking]);

  return (
    <details ref={ref} className="reasoning">
      <summary>
        Thinking
        {thinking && <span className="thinking-dots" aria-hidden="true" />}
      </summary>
      <div className="reasoning-text">{text}</div>
    </details>
  );
}
