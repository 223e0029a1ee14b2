/**
 * Runs of finished blocks that the browser may skip while they are off screen (markdown.css,
 * `content-visibility: auto`). A skipped run is not laid out: its last laid-out height holds its
 * place. So a run is marked settled only once it has been laid out (a run first rendered off screen,
 * a long answer's parts rendered when idle, would otherwise take no height), and it is laid out
 * again, unmarked until then, when anything inside it changes (a formula, highlighted code or a
 * diagram rendered when its code loads, an image loaded) or its width does (the window resized, the
 * sidebar shown): the answer's height is always its real one.
 */
const SETTLED_ATTRIBUTE = 'data-settled';

/** What watches a settled run: the width it was laid out at, and what stops watching its content. */
interface Watcher {
  width: number;
  stop: () => void;
}

const watchers = new WeakMap<Element, Watcher>();

/** One observer for every run: it reports a run after its first layout, and again when its size changes. */
let observer: ResizeObserver | null = null;

const layouts = (): ResizeObserver =>
  (observer ??= new ResizeObserver((entries) => {
    for (const { target, contentRect } of entries) {
      const watcher = watchers.get(target);
      if (!watcher) settle(target, contentRect.width);
      else if (watcher.width !== contentRect.width) layOutAgain(target);
    }
  }));

/**
 * Unmarks `run` until it has been laid out again. Observing it anew reports it after its next
 * layout; observing it again without that would report it only if its size changed.
 */
function layOutAgain(run: Element): void {
  unsettle(run);
  layouts().unobserve(run);
  layouts().observe(run);
}

function settle(run: Element, width: number): void {
  run.setAttribute(SETTLED_ATTRIBUTE, '');
  const changed = () => layOutAgain(run);
  const mutations = new MutationObserver(changed);
  mutations.observe(run, { subtree: true, childList: true, characterData: true, attributes: true });
  // A load event does not bubble; it is seen on the way down.
  run.addEventListener('load', changed, { capture: true });
  watchers.set(run, {
    width,
    stop: () => {
      mutations.disconnect();
      run.removeEventListener('load', changed, { capture: true });
    },
  });
}

function unsettle(run: Element): void {
  watchers.get(run)?.stop();
  watchers.delete(run);
  run.removeAttribute(SETTLED_ATTRIBUTE);
}

/**
 * Marks `run` settled after its next layout, and keeps the mark true to its content and width;
 * returns what stops it (the run unmounts or streams again). Where there is no ResizeObserver
 * (jsdom), a run is never marked: it is laid out like any other box.
 */
export function settleWhenLaidOut(run: Element): () => void {
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  layouts().observe(run);
  return () => {
    observer?.unobserve(run);
    unsettle(run);
  };
}
