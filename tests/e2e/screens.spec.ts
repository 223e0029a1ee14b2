/**
 * The screens suite (docs/design-system.md §9): pictures, in light and dark at 1280×800 and
 * 900×700, of the screens no feature spec draws (Settings' sections …), with axe on each.
 * Every baseline in tests/e2e/__screenshots__/screens.spec.ts was looked at before it was committed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expectAccessibleInBothThemes } from './support/axe';
import { conversationButton, dataAction, settingsAt, SETTINGS_SECTION_NAMES, sidebar } from './support/screens';
import { RICH_TITLE, SEEDED_TITLES } from './support/seedHistory';
import { expect, test } from './support/seeded';
import { rectOf } from './support/geometry';
import { captureScreen, expectScreen, SCREEN_SIZES, THEMES } from './support/visual';

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

test('the model picker, open: favourites, recently used and all models, pictures and axe', async ({ seeded }) => {
  test.slow();
  await conversationButton(seeded, SEEDED_TITLES.pinned).click();
  const picker = seeded.getByRole('banner').getByRole('combobox', { name: 'Model' });
  const open = async () => {
    await seeded.mouse.move(1, 1);
    if ((await picker.getAttribute('aria-expanded')) !== 'true') await picker.click();
    await expect(seeded.getByRole('listbox', { name: 'Models' })).toBeVisible();
  };
  await open();
  await expectAccessibleInBothThemes(seeded, 'the model picker, open');
  await expectScreen(seeded, 'model-picker', open);
});

test('Usage: pictures and axe in both themes', async ({ seeded }) => {
  test.slow();
  await sidebar(seeded).getByRole('button', { name: 'Usage' }).click();
  const dialog = seeded.getByRole('dialog', { name: 'Usage' });
  await expect(dialog.getByRole('table').first()).toBeVisible();
  await seeded.mouse.move(1, 1);
  await expectAccessibleInBothThemes(seeded, 'Usage');
  await expectScreen(seeded, 'usage');
});

test('Import: the dialog before any file is chosen, pictures and axe', async ({ seeded }) => {
  test.slow();
  await dataAction(seeded, 'Import');
  await expect(seeded.getByRole('dialog', { name: 'Import conversations' })).toBeVisible();
  await seeded.mouse.move(1, 1);
  await expectAccessibleInBothThemes(seeded, 'Import');
  await expectScreen(seeded, 'import');
});

/**
 * The README's pictures (docs/screenshots/), from the same seeded window as the baselines:
 * written when the baselines are (`--update-snapshots`), so they never drift from what the
 * suite checks.
 */
test('README screenshots: a rich answer with the history beside it, light and dark', async ({ seeded }, testInfo) => {
  test.skip(testInfo.config.updateSnapshots === 'none' || testInfo.config.updateSnapshots === 'missing', 'written only with --update-snapshots');
  await conversationButton(seeded, RICH_TITLE).click();
  await expect(seeded.getByRole('heading', { level: 1 })).toHaveText(RICH_TITLE);
  await seeded.mouse.move(1, 1);
  const folder = path.join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
  await mkdir(folder, { recursive: true });
  const [wide] = SCREEN_SIZES;
  if (!wide) throw new Error('no screen size');
  for (const theme of THEMES) await writeFile(path.join(folder, `parley-${theme}.png`), await captureScreen(seeded, wide, theme));
});
