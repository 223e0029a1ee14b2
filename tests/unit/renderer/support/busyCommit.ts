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

/** Runs `test` with React scheduling its work as outside tests, not flushed by act(). */
export async function outsideAct(test: () => Promise<void>): Promise<void> {
  const environment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  const previous = environment.IS_REACT_ACT_ENVIRONMENT;
  environment.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    await test();
  } finally {
    environment.IS_REACT_ACT_ENVIRONMENT = previous;
  }
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
