/**
 * The screens suite (docs/design-system.md §9): pictures, in light and dark at 1280×800 and
 * 900×700, of the screens no feature spec draws (Settings' sections …), with axe on each.
 * Every baseline in tests/e2e/__screenshots__/screens.spec.ts was looked at before it was committed.
 */
import { expectAccessibleInBothThemes } from './support/axe';
import { conversationButton, settingsAt, SETTINGS_SECTION_NAMES } from './support/screens';
import { SEEDED_TITLES } from './support/seedHistory';
import { expect, test } from './support/seeded';
import { rectOf } from './support/geometry';
import { expectScreen } from './support/visual';

/** File-name part of a section's screenshots: "Models and endpoints" → "models-and-endpoints". */
const slug = (name: string) => name.toLowerCase().replaceAll(' ', '-');

for (const section of SETTINGS_SECTION_NAMES) {
  test(`Settings › ${section}: pictures and axe in both themes`, async ({ seeded }) => {
    test.slow();
    await conversationButton(seeded, SEEDED_TITLES.pinned).click();
    await expect(seeded.getByRole('heading', { level: 1 })).toHaveText(SEEDED_TITLES.pinned);
    const dialog = await settingsAt(seeded, section);
    await expect(dialog.getByRole('heading', { level: 3, name: section })).toBeVisible();
    await seeded.mouse.move(1, 1);
    await expectAccessibleInBothThemes(seeded, `Settings › ${section}`);
    // The fake server's port and the data folder are new each run.
    const changing = [dialog.getByLabel('Base URL', { exact: true }), dialog.locator('.endpoint-url'), dialog.locator('.data-folder-path')];
    await expectScreen(seeded, `settings-${slug(section)}`, undefined, changing);
  });
}

test('the app-level banner: a key W&B stops accepting is said above the thread, with Replace key', async ({ seeded }) => {
  test.slow();
  // A key can stop working after first run checked it (revoked): here it is replaced by one the server refuses.
  const settings = await settingsAt(seeded, 'Connection');
  await settings.getByRole('button', { name: 'Replace key' }).click();
  await settings.getByLabel('API key', { exact: true }).fill('bad-key');
  await settings.getByRole('button', { name: 'Save key' }).click();
  await expect(settings).toContainText('Key saved.');
  await settings.getByRole('button', { name: 'Close' }).click();
  await conversationButton(seeded, SEEDED_TITLES.pinned).click();
  await seeded.getByRole('banner').getByRole('button', { name: 'Refresh models' }).click();

  const banner = seeded.getByRole('status').filter({ hasText: 'W&B Inference did not accept the API key' });
  await expect(banner).toBeVisible();
  // Above the thread, no wider than the reading column.
  const [bannerBox, logBox] = [await rectOf(banner), await rectOf(seeded.getByRole('log', { name: 'Conversation' }))];
  expect(bannerBox.y + bannerBox.height).toBeLessThanOrEqual(logBox.y + 1);
  expect(bannerBox.width).toBeLessThanOrEqual(720 + 1);
  await seeded.mouse.move(1, 1);
  await expectAccessibleInBothThemes(seeded, 'the key-refused banner');
  await expectScreen(seeded, 'banner-key-refused');

  await banner.getByRole('button', { name: 'Replace key' }).click();
  await expect(seeded.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Replace key' })).toBeVisible();
});
