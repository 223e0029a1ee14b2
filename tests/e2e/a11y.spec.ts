/**
 * Accessibility: axe-core on every screen in both colour schemes (0 serious or critical
 * violations), and one whole flow done with the keyboard alone.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, lastAnswer, pickModel, send, test } from './support/fixtures';
import { chatSettings, dataAction, settingsAt, sidebar } from './support/screens';
import { expectAccessible } from './support/axe';
import { drawImage } from '../fixtures/drawnImages';

const mod = (key: string) => `ControlOrMeta+${key}`;

/** Sends `text` and waits for the whole answer, which shows as `shown` once its Markdown is rendered. */
async function answered(page: Page, text: string, shown = text): Promise<void> {
  await send(page, text);
  await expect(lastAnswer(page)).toContainText(`You said: ${shown}`);
  await expect(lastAnswer(page)).not.toHaveAttribute('aria-busy', 'true');
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('first run', async ({ app }) => {
      await app.emulateMedia({ colorScheme: scheme });
      await expect(app.getByRole('heading', { name: 'Connect to W&B Inference' })).toBeVisible();
      await expectAccessible(app, 'first run');
    });

    test('attachments: the composer tray, a refused file, the large view', async ({ chat }) => {
      await chat.emulateMedia({ colorScheme: scheme });
      await pickModel(chat, 'fake/echo');
      const [chooser] = await Promise.all([chat.waitForEvent('filechooser'), chat.getByRole('button', { name: 'Attach' }).click()]);
      await chooser.setFiles([
        { name: 'otter.png', mimeType: 'image/png', buffer: await drawImage(chat, { width: 40, height: 30, type: 'image/png' }) },
        { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Otters\n') },
        { name: 'archive.zip', mimeType: 'application/zip', buffer: Buffer.from([0x50, 0x4b, 3, 4, 0, 0]) },
      ]);
      await expect(chat.getByRole('alert').filter({ hasText: 'archive.zip' })).toBeVisible();
      await chat.getByRole('button', { name: 'View otter.png' }).click();
      await expect(chat.getByRole('dialog', { name: 'otter.png' }).getByRole('img')).toBeVisible();
      await expectAccessible(chat, 'attached image, large');
      await chat.keyboard.press('Escape');
      await expectAccessible(chat, 'composer with attachments and a refused file');
    });

    test('every screen of the app', async ({ chat }) => {
      // A dozen screens, each scanned by axe: three times one screen's budget.
      test.slow();
      await chat.emulateMedia({ colorScheme: scheme });
      await pickModel(chat, 'fake/echo');
      await answered(chat, 'Tell me about **otters** and `code`', 'Tell me about otters and code');
      await expectAccessible(chat, 'chat with an answer');

      await chat.getByRole('combobox', { name: 'Model' }).click();
      await expect(chat.getByRole('listbox', { name: 'Models' })).toBeVisible();
      await expectAccessible(chat, 'model list');
      await chat.keyboard.press('Escape');

      await sidebar(chat).getByRole('button', { name: 'Usage' }).click();
      await expect(chat.getByRole('dialog', { name: 'Usage' }).getByRole('table').first()).toBeVisible();
      await expectAccessible(chat, 'usage');
      await chat.keyboard.press('Escape');

      await chat.keyboard.press(mod(','));
      await expect(chat.getByRole('dialog', { name: 'Settings' })).toBeVisible();
      await expectAccessible(chat, 'settings');
      await chat.keyboard.press('Escape');

      await chat.keyboard.press(mod('/'));
      await expect(chat.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectAccessible(chat, 'keyboard shortcuts');
      await chat.keyboard.press('Escape');

      await (await chatSettings(chat)).getByRole('button', { name: 'Parameters' }).click();
      const parameters = chat.getByRole('dialog', { name: 'Parameters' });
      await parameters.getByRole('spinbutton', { name: 'Temperature' }).fill('9');
      await expect(parameters.getByRole('alert')).toBeVisible();
      await expectAccessible(chat, 'parameters, with a field in error');
      await chat.keyboard.press('Escape');

      await (await chatSettings(chat)).getByRole('button', { name: 'Prompts', exact: true }).click();
      const prompts = chat.getByRole('dialog', { name: 'Prompts' });
      await prompts.getByRole('button', { name: 'New prompt' }).click();
      await prompts.getByRole('textbox', { name: 'Name' }).fill('Terse');
      await prompts.getByRole('button', { name: 'Save prompt' }).click();
      await expect(prompts.getByRole('list', { name: 'Saved prompts' })).toBeVisible();
      await expectAccessible(chat, 'prompts');
      await chat.keyboard.press('Escape');
      await expectAccessible(chat, 'chat settings');
      await chat.keyboard.press('Escape');
      await chat.getByRole('button', { name: 'Compare', exact: true }).click();
      const compare = chat.getByRole('region', { name: 'Compare models' });
      await pickModel(compare.getByRole('group', { name: 'Model 2' }), 'fake/reasoning');
      await compare.getByLabel('Prompt').fill('Compare otters');
      await expectAccessible(chat, 'compare: choosing models');
      await compare.getByRole('button', { name: 'Send to all' }).click();
      await expect(compare.getByRole('radio', { name: 'Choose this answer' })).toHaveCount(2);
      await expectAccessible(chat, 'compare: answers side by side');
      await compare.getByRole('button', { name: 'Close' }).click();
      await expectAccessible(chat, 'compare: discard?');
      await chat.getByRole('alertdialog', { name: 'Discard this comparison?' }).getByRole('button', { name: 'Discard' }).click();
      await chat.getByRole('textbox', { name: 'Message' }).fill('');

      await sidebar(chat).getByRole('searchbox', { name: 'Search conversations' }).fill('otters');
      await expect(sidebar(chat).getByRole('list', { name: 'Search results' }).getByRole('button').first()).toBeVisible();
      await expectAccessible(chat, 'search results');
      await sidebar(chat).getByRole('searchbox', { name: 'Search conversations' }).fill('');

      const row = sidebar(chat).getByRole('list', { name: 'Conversations' }).getByRole('button').first();
      await row.click({ button: 'right' });
      await expect(chat.getByRole('menu', { name: 'Conversation actions' })).toBeVisible();
      await expectAccessible(chat, 'conversation context menu');
      await chat.keyboard.press('Escape');

      await dataAction(chat, 'Export all');
      const progress = chat.getByRole('dialog', { name: 'Exporting conversations' });
      await expect(progress).toContainText('Exported 1 conversation');
      await expectAccessible(chat, 'export progress');
      await progress.getByRole('button', { name: 'Close' }).click();

      await dataAction(chat, 'Import');
      await expect(chat.getByRole('dialog', { name: /Import/ })).toBeVisible();
      await expectAccessible(chat, 'import');
    });
  });
}

/** Presses Tab until `target` has focus (a keyboard user's way there), failing after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('a whole flow with the keyboard alone', async ({ chat }) => {
  const { keyboard } = chat;
  // A first conversation to search for later.
  await pickModel(chat, 'fake/echo');
  await answered(chat, 'The capybara is large');

  await keyboard.press(mod('n'));
  await expect(chat.getByRole('heading', { level: 1 })).toHaveText('New chat');

  const picker = chat.getByRole('combobox', { name: 'Model' });
  await tabTo(chat, picker);
  await keyboard.press(mod('a'));
  await keyboard.type('fake/echo');
  await keyboard.press('Enter');
  await expect(picker).toHaveValue('fake/echo');

  await tabTo(chat, chat.getByRole('textbox', { name: 'Message' }));
  await keyboard.type('Hello from the keyboard');
  await keyboard.press('Enter');
  await expect(lastAnswer(chat)).toContainText('You said: Hello from the keyboard');

  await keyboard.press(mod(','));
  const settings = chat.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  await expect(settings.locator(':focus')).toHaveCount(1);
  await keyboard.press('Escape');
  await expect(settings).toHaveCount(0);

  await keyboard.press(mod('k'));
  await keyboard.type('capybara');
  const hit = sidebar(chat).getByRole('list', { name: 'Search results' }).getByRole('button').first();
  await expect(hit).toBeVisible();
  await tabTo(chat, hit);
  await keyboard.press('Enter');
  await expect(chat.getByRole('heading', { level: 1 })).toHaveText('Chat: The capybara is large');
  await expect(chat.getByRole('log', { name: 'Conversation' }).getByRole('article').filter({ hasText: 'capybara' }).first()).toBeVisible();
});

test('focus is always visible', async ({ chat }) => {
  await pickModel(chat, 'fake/echo');
  await answered(chat, 'Focus check');
  // Tab through the whole window: every stop draws an outline, on itself or (the composer's text)
  // on the box drawn around it, which is what a person sees as the field.
  for (let presses = 0; presses < 25; presses++) {
    await chat.keyboard.press('Tab');
    const outline = await chat.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return 'body';
      const ringed = (candidate: Element) => {
        const style = getComputedStyle(candidate);
        return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      };
      const box = element.parentElement;
      return ringed(element) || (box !== null && ringed(box)) ? 'visible' : `${element.tagName} ${element.className}: none`;
    });
    expect(['visible', 'body']).toContain(outline);
  }
});

test('endpoints: the list with a test result, the add form, the remove confirmation and the selector', async ({ chat, fake }) => {
  const settings = await settingsAt(chat, 'Models and endpoints');
  await settings.getByRole('button', { name: 'Add endpoint' }).click();
  const form = settings.getByRole('form', { name: 'Add endpoint' });
  await form.getByLabel('Name').fill('Second');
  await form.getByLabel('Base URL').fill(fake.baseURL);
  await form.getByLabel('API key (optional)').fill('sk-second-endpoint-0123456789');
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  const row = settings.getByRole('listitem', { name: 'Second' });
  await row.getByRole('button', { name: 'Test connection to Second' }).click();
  await expect(row.getByRole('status')).toHaveText(/^Connected: /);
  await settings.getByRole('button', { name: 'Add endpoint' }).click();
  await expectAccessible(chat, 'settings: endpoints with the add form');

  await settings.getByRole('button', { name: 'Cancel' }).click();
  await row.getByRole('button', { name: 'Remove Second' }).click();
  await expect(chat.getByRole('alertdialog', { name: 'Remove “Second”?' })).toBeVisible();
  await expectAccessible(chat, 'remove endpoint confirmation');
  await chat.keyboard.press('Escape');
  await chat.keyboard.press('Escape');

  await expect(chat.getByRole('combobox', { name: 'Endpoint' })).toBeVisible();
  await expectAccessible(chat, 'chat with the endpoint selector');
});
