import { useLayoutEffect, useState, type RefObject } from 'react';

/** Bar widths (px at the default text size) under which the parts give way, in order: stats, status, Chat settings summary. */
const THRESHOLDS = [960, 860, 720] as const;
/** A title cut to this or shorter (px at the default size) makes the next part give way too. */
const TITLE_COMFORT = 320;
/** The parts that give way, as drawn: cut short, they give way instead. */
const CUT_PARTS = '.conversation-stats, .top-bar-status:not(.visually-hidden) .action-status, .chat-settings-summary';

export interface GiveWay {
  /** The conversation's totals: in the bar, else in its More menu. */
  stats: boolean;
  /** What export or copy just did: in the bar, else only announced. */
  status: boolean;
  /** The Chat settings summary text: else only the icon and a dot. */
  summary: boolean;
}

const textScale = () => parseFloat(getComputedStyle(document.documentElement).fontSize) / 16 || 1;

/**
 * Which parts of the top bar fit, in the order they give way as the bar narrows (stats, then
 * status, then the Chat settings summary), so the title keeps its room. Measured on the bar,
 * with the thresholds scaled by the text size; and when long contents (a long summary, a long
 * model id) still cut the title short, or would show a part cut in half, the next part gives
 * way as well.
 */
export function useGiveWay(bar: RefObject<HTMLElement | null>, title: RefObject<HTMLElement | null>): GiveWay {
  /** How many parts have given way (0: all shown). */
  const [level, setLevel] = useState(0);

  useLayoutEffect(() => {
    const element = bar.current;
    const heading = title.current;
    // Nothing to measure where there is no layout (jsdom in component tests): every part shows.
    if (!element || !heading || typeof ResizeObserver === 'undefined') return;
    const baseLevel = () => {
      const width = element.getBoundingClientRect().width / textScale();
      return THRESHOLDS.filter((threshold) => width < threshold).length;
    };
    const cut = (part: Element) => part.scrollWidth > part.clientWidth;
    // A part that shows cut short gives way rather than show half; so does the next one while the title is cut short.
    const crowded = () =>
      (cut(heading) && heading.clientWidth <= TITLE_COMFORT * textScale()) || [...element.querySelectorAll(CUT_PARTS)].some(cut);
    // The bar's width (or the text size) sets the level; then, as the title's own box changes
    // with what is shown beside it, a title still cut short makes one more part give way.
    const bump = (level: number) => (level < THRESHOLDS.length && crowded() ? level + 1 : level);
    const onBarChange = () =>
      setLevel((current) => {
        const base = baseLevel();
        // Unchanged: nothing will resize the title, so check it now.
        return base === current ? bump(base) : base;
      });
    const observer = new ResizeObserver((entries) => {
      if (entries.some((entry) => entry.target === element)) onBarChange();
      else setLevel(bump);
    });
    observer.observe(element);
    observer.observe(heading);
    const textSize = new MutationObserver(onBarChange);
    textSize.observe(document.documentElement, { attributes: true, attributeFilter: ['data-text-size'] });
    return () => {
      observer.disconnect();
      textSize.disconnect();
    };
  }, [bar, title]);

  return { stats: level < 1, status: level < 2, summary: level < 3 };
}
