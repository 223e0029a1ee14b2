/**
 * Runs of finished blocks that the browser may skip while they are off screen (markdown.css,
 * `content-visibility: auto`). A skipped run is not laid out: its last laid-out height holds its
 * place. So a run is marked settled only once it has been laid out (a run first rendered off screen,
 * a long answer's parts rendered when idle, would otherwise take no height), and any change inside
 * it (a formula, highlighted code or a diagram rendered when its code loads, an image loaded)
 * clears the mark until it has been laid out again: the answer's height is always its real one.
 */
export const SETTLED_ATTRIBUTE = 'data-settled';

/** What watches a run: cleared on any change, then settled again after its next layout. */
const changeWatchers = new WeakMap<Element, { mutations: MutationObserver; stop: () => void }>();

/** One observer for every run: its first report for an element comes after that element's layout. */
let observer: ResizeObserver | null = null;

const layouts = (): ResizeObserver =>
  (observer ??= new ResizeObserver((entries) => {
    for (const { target } of entries) {
      observer?.unobserve(target);
      settle(target);
    }
  }));

function settle(run: Element): void {
  run.setAttribute(SETTLED_ATTRIBUTE, '');
  const changed = () => {
    unsettle(run);
    layouts().observe(run);
  };
  const mutations = new MutationObserver(changed);
  mutations.observe(run, { subtree: true, childList: true, characterData: true, attributes: true });
  // A load event does not bubble; it is seen on the way down.
  run.addEventListener('load', changed, { capture: true, once: true });
  changeWatchers.set(run, { mutations, stop: () => run.removeEventListener('load', changed, { capture: true }) });
}

/** Clears `run`'s mark (it streams again, or changed) and stops watching it for changes. */
export function unsettle(run: Element): void {
  run.removeAttribute(SETTLED_ATTRIBUTE);
  const watcher = changeWatchers.get(run);
  watcher?.mutations.disconnect();
  watcher?.stop();
  changeWatchers.delete(run);
}

/** Marks `run` settled after its next layout; returns what stops it (the run unmounts or streams again). */
export function settleWhenLaidOut(run: Element): () => void {
  layouts().observe(run);
  return () => {
    observer?.unobserve(run);
    unsettle(run);
  };
}
