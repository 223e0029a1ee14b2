import { useEffect, useLayoutEffect, useRef } from 'react';
import { formatDuration } from '../../lib/format';
import { Icons } from '../../ui/icons';
import { LongText } from '../../lib/LongText';

interface ReasoningProps {
  text: string;
  /** True while the model thinks and no answer text has arrived yet. */
  thinking: boolean;
  /** How long it thought (main measures it, history keeps it); null when not known. */
  durationMs: number | null;
}

/**
 * The model's reasoning above the answer: "Thinking…" and open while it streams, then folded
 * to "Thought for 4 s" (or "Thinking" when the time is not known). The element
 * stays uncontrolled so a person can open or close it; only the start and end of thinking move it.
 */
export function Reasoning({ text, thinking, durationMs }: ReasoningProps) {
  const ref = useRef<HTMLDetailsElement>(null);
  const textRef = useRef<HTMLDivElement>(null);

  // Before the paint: the frame that shows the answer's first words shows the reasoning folded.
  useLayoutEffect(() => {
    if (ref.current) ref.current.open = thinking;
  }, [thinking]);

  // While it streams, the box follows the newest thought.
  useEffect(() => {
    const box = textRef.current;
    if (thinking && box) box.scrollTop = box.scrollHeight;
  }, [thinking, text]);

  const Chevron = Icons.next;
  return (
    <details ref={ref} className={thinking ? 'reasoning reasoning-live' : 'reasoning'}>
      <summary>
        <Icons.thinking aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
        {!thinking && durationMs !== null ? <span>Thought for {formatDuration(durationMs)}</span> : <span className="reasoning-label">Thinking</span>}
        {thinking && <span aria-hidden="true">…</span>}
        <Chevron className="reasoning-chevron" aria-hidden="true" focusable="false" size={14} strokeWidth={1.75} />
      </summary>
      <div ref={textRef} className="reasoning-text">
        <LongText text={text} />
      </div>
    </details>
  );
}
