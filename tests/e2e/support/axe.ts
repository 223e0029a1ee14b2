/** axe-core on what the page shows: 0 serious or critical violations, in one theme or both. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export type ColorScheme = 'light' | 'dark';

/** Fails with the rule, its impact and the offending elements, so the report says what to fix. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `axe on "${screen}"`).toEqual([]);
}

/** The same screen checked in light and dark (colour contrast differs), left in `leaveIn`. */
export async function expectAccessibleInBothThemes(page: Page, screen: string, leaveIn: ColorScheme = 'light'): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `${screen}, ${scheme}`);
  }
  await page.emulateMedia({ colorScheme: leaveIn });
}
