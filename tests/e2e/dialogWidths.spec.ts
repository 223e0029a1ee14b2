/**
 * Dialogs at their designed widths (docs/design-system.md, "Prompts"; defect 4 of issue 12: the
 * Prompts and Parameters dialogs drew at the generic dialog's 420 px and the prompt editor ran
 * past the edge). The Prompts dialog is min(760 px, window − 48 px) with a 240 px list; nothing
 * in it or in Settings sticks out, at 1280×800 and 900×700. Pictures and axe of the Prompts dialog.
 */
import type { Locator, Page } from '@playwright/test';
import { expectAccessibleInBothThemes } from './support/axe';
import { expect, test } from './support/fixtures';
import { expectNoOverflow, rectOf } from './support/geometry';
import { settingsAt, SETTINGS_SECTION_NAMES } from './support/screens';
import { expectScreen, freezeForScreenshots, SCREEN_SIZES, showAs } from './support/visual';

const LONG_NAME = 'Reviewer for pull requests that touch the database migrations and the importer';
const LONG_TEXT = `You review code. ${'Point out what breaks, why, and the smallest fix. '.repeat(12)}A path to keep whole: /var/lib/parley/attachments/0000000000000000000000000000000000000000000000000000000000000000.png`;

/** Opens Prompts from wherever the window offers it (the top bar today, the Chat settings panel in the redesign). */
async function openPrompts(page: Page): Promise<Locator> {
  const prompts = page.getByRole('button', { name: 'Prompts', exact: true });
  const chatSettings = page.getByRole('button', { name: 'Chat settings' });
  await expect(prompts.or(chatSettings).first()).toBeVisible();
  if (!(await prompts.isVisible())) await chatSettings.click();
  await prompts.click();
  const dialog = page.getByRole('dialog', { name: 'Prompts' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The dialog never scrolls sideways: what does not fit is a bug, not something to scroll to. */
async function expectNoSidewaysScroll(dialog: Locator, where: string): Promise<void> {
  const { scrollWidth, clientWidth } = await dialog.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
  expect(scrollWidth, `${where}: the dialog's content is wider than the dialog`).toBeLessThanOrEqual(clientWidth);
}

test('the Prompts dialog is 760 px (window − 48 px when narrower), two columns, and the editor fits', async ({ chat }) => {
  const dialog = await openPrompts(chat);
  await dialog.getByRole('button', { name: 'New prompt' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(LONG_NAME);
  await dialog.getByRole('textbox', { name: 'Prompt text' }).fill(LONG_TEXT);
  await dialog.getByRole('button', { name: 'Save prompt' }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Saved “${LONG_NAME}”.`);

  for (const size of SCREEN_SIZES) {
    await showAs(chat, size, 'light');
    const box = await rectOf(dialog);
    expect(Math.round(box.width), `the Prompts dialog's width at ${size.name}`).toBe(Math.min(760, size.width - 48));
    const list = await rectOf(dialog.getByRole('list', { name: 'Saved prompts' }));
    expect(Math.round(list.width), `the list column at ${size.name}`).toBe(240);
    const editor = await rectOf(dialog.getByRole('textbox', { name: 'Prompt text' }));
    expect(editor.x, `the editor beside the list at ${size.name}`).toBeGreaterThan(list.x + list.width);
    expect(editor.x + editor.width, `the editor inside the dialog at ${size.name}`).toBeLessThanOrEqual(box.x + box.width - 24 + 0.5);
    await expectNoSidewaysScroll(dialog, `Prompts at ${size.name}`);
    await expectNoOverflow(chat, `the Prompts dialog at ${size.name}`, '[role=dialog]');
  }
});

test('Settings: 820 × 600, never taller than the window less 48, a 200 px section list, and no section sticks out', async ({ chat }) => {
  const dialog = await settingsAt(chat, 'Connection');
  const list = dialog.getByRole('navigation', { name: 'Settings sections' });
  for (const size of SCREEN_SIZES) {
    await showAs(chat, size, 'light');
    const box = await rectOf(dialog);
    expect(box.width, `Settings' width at ${size.name}`).toBeCloseTo(820, 0);
    expect(box.height, `Settings' height at ${size.name}`).toBeCloseTo(600, 0);
    expect((await rectOf(list)).width, `the section list at ${size.name}`).toBeCloseTo(200, 0);
    for (const section of SETTINGS_SECTION_NAMES) {
      await settingsAt(chat, section);
      await expectNoSidewaysScroll(dialog, `Settings › ${section} at ${size.name}`);
      await expectNoOverflow(chat, `Settings › ${section} at ${size.name}`, '[role=dialog]');
    }
  }
  // A short window: the dialog keeps 24 px above and below, and its page scrolls.
  await chat.setViewportSize({ width: 900, height: 480 });
  await settingsAt(chat, 'Data');
  const short = await rectOf(dialog);
  expect(short.height).toBeCloseTo(480 - 48, 0);
  expect(short.y).toBeCloseTo(24, 0);
  await expectNoOverflow(chat, 'Settings › Data in a 480 px tall window', '[role=dialog]');
});

test('the Prompts dialog: pictures and axe in both themes', async ({ chat }) => {
  await freezeForScreenshots(chat);
  const dialog = await openPrompts(chat);
  await dialog.getByRole('button', { name: 'New prompt' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Code reviewer');
  await dialog.getByRole('textbox', { name: 'Prompt text' }).fill('You review code. Point out what breaks, why, and the smallest fix.\n\nToday is {{date}}.');
  await dialog.getByRole('button', { name: 'Save prompt' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved “Code reviewer”.');
  await expectAccessibleInBothThemes(chat, 'Prompts dialog');
  // The "Saved" line fades after a few seconds: the picture is taken once it has, every time.
  await expect(dialog.getByText('Saved “Code reviewer”.')).toBeHidden();
  await expectScreen(chat, 'prompts-dialog');
});
