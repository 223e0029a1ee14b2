import { useCallback, useEffect, useState, type RefObject } from 'react';
import { FOLLOW_PX } from './useStickToBottom';

/**
 * Whether the end of a scroll box is out of view (more than FOLLOW_PX below what shows): read on
 * each scroll (`measureEnd`) and whenever the box or its content changes size. Until measured, and
 * where the browser cannot observe sizes, it counts as out of view.
 */
export function useEndOutOfView(box: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>, hasContent: boolean) {
  const [endOutOfView, setEndOutOfView] = useState(true);
  const measureEnd = useCallback(() => {
    const element = box.current;
    if (element) setEndOutOfView(element.scrollHeight - element.scrollTop - element.clientHeight > FOLLOW_PX);
  }, [box]);

  // `hasContent`: the content element comes and goes with the messages.
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measureEnd);
    for (const element of [box.current, content.current]) if (element) observer.observe(element);
    return () => observer.disconnect();
  }, [box, content, hasContent, measureEnd]);

  return { endOutOfView, measureEnd };
}
