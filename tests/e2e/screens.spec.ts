/**
 * The screens suite (docs/design-system.md §9): pictures, in light and dark at 1280×800 and
 * 900×700, of the screens no feature spec draws (Settings' sections …), with axe on each.
 * Every baseline in tests/e2e/__screenshots__/screens.spec.ts was looked at before it was committed.
 */
import { expectAccessibleInBothThemes } from './support/axe';
import { conversationButton, settingsAt, SETTINGS_SECTION_NAMES } from './support/screens';
import { SEEDED_TITLES } from './support/seedHistory';
import { expect, test } from './support/seeded';
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
