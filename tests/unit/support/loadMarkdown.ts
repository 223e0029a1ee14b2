/**
 * Component tests render answers at once: the app loads its Markdown renderer just after start-up
 * (its own chunk), so here it is loaded before each test file that has a DOM.
 */
import { beforeAll } from 'vitest';

beforeAll(async () => {
  if (typeof document === 'undefined') return;
  const { loadMarkdown } = await import('../../../renderer/features/markdown/Markdown');
  await loadMarkdown();
});
