import type { Page } from '@playwright/test';

/**
 * Counts the renders of the component whose output is the element matching `selector`, from now on,
 * in the built app (minified: components have no names to find them by). React keeps the fiber tree
 * on the root element; a component that renders gets a new list of hooks, one that is skipped keeps
 * its old one, so a new list seen at a frame means at least one render since the last frame.
 * Returns a function that reads the count.
 */
export async function countRendersOf(page: Page, selector: string): Promise<() => Promise<number>> {
  const name = `renders:${selector}`;
  await page.evaluate(
    ({ selector, name }) => {
      interface Fiber {
        child: Fiber | null;
        sibling: Fiber | null;
        return: Fiber | null;
        stateNode: unknown;
        memoizedState: unknown;
      }
      const container = document.getElementById('root') as (HTMLElement & Record<string, { stateNode: { current: Fiber } } | undefined>) | null;
      const key = container && Object.keys(container).find((field) => field.startsWith('__reactContainer$'));
      const hostRoot = key ? container?.[key] : undefined;
      if (!hostRoot) throw new Error('no React root on #root');
      const fiberRoot = hostRoot.stateNode;
      const target = document.querySelector(selector);
      if (!target) throw new Error(`nothing matches ${selector}`);
      // The component is the host fiber's owner in the current tree: walked afresh, since React swaps a fiber for its alternate.
      const component = (): Fiber | null => {
        const pending: Fiber[] = [fiberRoot.current];
        for (let fiber = pending.pop(); fiber; fiber = pending.pop()) {
          if (fiber.stateNode === target) return fiber.return;
          if (fiber.sibling) pending.push(fiber.sibling);
          if (fiber.child) pending.push(fiber.child);
        }
        return null;
      };
      const counter = { renders: 0, hooks: component()?.memoizedState };
      const look = () => {
        const hooks = component()?.memoizedState;
        if (hooks !== counter.hooks) counter.renders++;
        counter.hooks = hooks;
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
      Object.assign(window, { [name]: counter });
    },
    { selector, name },
  );
  return () => page.evaluate((name) => (window as unknown as Record<string, { renders: number } | undefined>)[name]?.renders ?? Number.NaN, name);
}
