/** Search in the window as the specs use it: the sidebar's field and results, and the words marked in the open conversation. */
import type { Page } from '@playwright/test';
import { sidebar } from './screens';

export const searchbox = (page: Page) => sidebar(page).getByRole('searchbox', { name: 'Search conversations' });
export const searchResults = (page: Page) => sidebar(page).getByRole('list', { name: 'Search results' });

/** The text of each marked match in the open conversation, and whether the first is inside the log's visible box. */
export function highlighted(page: Page): Promise<{ texts: string[]; firstInView: boolean }> {
  return page.evaluate(() => {
    const ranges = [...(CSS.highlights.get('search-match') ?? [])] as Range[];
    const view = document.querySelector('[role="log"]')?.getBoundingClientRect();
    const first = ranges[0]?.getBoundingClientRect();
    const firstInView = Boolean(view && first && first.height > 0 && first.top >= view.top && first.bottom <= view.bottom);
    return { texts: ranges.map((range) => range.toString()), firstInView };
  });
}
