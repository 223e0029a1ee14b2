/**
 * The `seeded` fixture: Parley with a lived-in history (seedHistory.ts), the test key stored,
 * the seeded W&B model ids answered by the fake server, and the page frozen for screenshots
 * (visual.ts). The sidebar shows every date group, one pinned conversation and a failed one.
 */
import type { Page } from '@playwright/test';
import { TEST_KEY, expect, saveKey, test as base } from './fixtures';
import { sidebar } from './screens';
import { SEEDED_ALIASES, seedHistory } from './seedHistory';
import { freezeForScreenshots } from './visual';

export const test = base.extend<{ seeded: Page }>({
  // Seeding, a start and a reload: more than a plain start, so it has its own time budget.
  seeded: [
    async ({ parley, dataDir, fake }, use) => {
    fake.models = [...Object.keys(SEEDED_ALIASES), ...fake.models];
    fake.aliases = { ...fake.aliases, ...SEEDED_ALIASES };
    await seedHistory(dataDir);
    const page = await parley.start();
    await saveKey(page, TEST_KEY);
    await expect(sidebar(page)).toBeVisible();
    await freezeForScreenshots(page);
    // The key outlives the reload (web mode keeps it in main's memory, the app in the keyring).
    await expect(sidebar(page).getByRole('list', { name: 'Conversations' })).toBeVisible();
    await use(page);
    },
    { timeout: 60_000 },
  ],
});

export { expect };
