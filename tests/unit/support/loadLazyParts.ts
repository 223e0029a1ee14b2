/**
 * Component tests see a dialog the moment it opens: the app loads its parts that are not on
 * screen at start (lib/lazyPart) when the window is idle, so here they are loaded before each
 * test file that has a DOM.
 */
import { beforeAll } from 'vitest';

beforeAll(async () => {
  if (typeof document === 'undefined') return;
  const { loadLazyParts } = await import('../../../renderer/lib/lazyPart');
  await loadLazyParts();
});
