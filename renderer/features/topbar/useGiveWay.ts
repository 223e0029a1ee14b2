import { useLayoutEffect, useState, type RefObject } from 'react';

/** Bar widths (px at the default text size) under which a part of the bar gives way. */
const STATS_MIN = 960;
const STATUS_MIN = 860;
const SUMMARY_MIN = 720;

export interface GiveWay {
  /** The conversation's totals: in the bar, else in its More menu. */
  stats: boolean;
  /** What export or copy just did: in the bar, else only announced. */
  status: boolean;
  /** The Chat settings summary text: else only the icon and a dot. */
  summary: boolean;
}

const ALL: GiveWay = { stats: true, status: true, summary: true };

/**
 * Which parts of the top bar fit, in the order they give way as the bar narrows (stats, then
 * status, then the Chat settings summary), so the title keeps its room. Measured on the bar,
 * with the thresholds scaled by the text size: larger text needs a wider bar for the same parts.
 */
export function useGiveWay(bar: RefObject<HTMLElement | null>): GiveWay {
  const [fits, setFits] = useState<GiveWay>(ALL);
  useLayoutEffect(() => {
    const element = bar.current;
    if (!element) return;
    const measure = () => {
      const scale = parseFloat(getComputedStyle(document.documentElement).fontSize) / 16 || 1;
      const width = element.getBoundingClientRect().width / scale;
      const next = { stats: width >= STATS_MIN, status: width >= STATUS_MIN, summary: width >= SUMMARY_MIN };
      setFits((current) => (current.stats === next.stats && current.status === next.status && current.summary === next.summary ? current : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // A new text size changes the thresholds, not always the bar's width.
    const textSize = new MutationObserver(measure);
    textSize.observe(document.documentElement, { attributes: true, attributeFilter: ['data-text-size'] });
    return () => {
      observer.disconnect();
      textSize.disconnect();
    };
  }, [bar]);
  return fits;
}
