/**
 * The moment between a render's commit and React's passive effects, made certain: a render
 * longer than the 5 ms React works before yielding (any render on a busy machine) leaves the
 * effects to a later task, and what runs on the commit's DOM change comes first.
 */

/** Keeps the render busy past React's slice. */
export function busyRender(ms = 12): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/** Calls `action` once, as soon as `element` shows `text`: before any passive effect of that render. */
export function onceShown(element: Element, text: string, action: () => void): void {
  const watch = new MutationObserver(() => {
    if (element.textContent !== text) return;
    watch.disconnect();
    action();
  });
  watch.observe(element, { childList: true, characterData: true, subtree: true });
}
