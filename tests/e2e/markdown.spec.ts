import { expect, lastAnswer, pickModel, send, test } from './support/fixtures';
import { settingsAt } from './support/screens';

// The fake echoes "You said: <message>", so the sample starts with a line of its own.
const SAMPLE = [
  'a sample:',
  '',
  '| Model | Context |',
  '| --- | --- |',
  '| Kimi | 262k |',
  '',
  '```python',
  'print("hello")',
  '```',
  '',
  'Euler: $e^{i\\pi} + 1 = 0$',
  '',
  '- [x] done',
  '- [ ] to do',
  '',
  'See [the docs](https://wandb.ai/site/inference) and ![a chart](https://example.com/chart.png)',
  '',
  '<img src=x onerror="document.title=\'pwned\'"> and <script>document.title="pwned"</script>',
].join('\n');

test('answers render as Markdown: table, highlighted code, math, tasks, links, images held back, HTML inert', async ({ chat }) => {
  await pickModel(chat, 'fake/echo');
  await send(chat, SAMPLE);
  const answer = lastAnswer(chat);
  await expect(answer).not.toHaveAttribute('aria-busy', 'true');

  await expect(answer.getByRole('table')).toContainText('262k');
  await expect(answer.getByRole('button', { name: 'Copy code' })).toBeVisible();
  await expect(answer.locator('pre')).toContainText('print("hello")');
  await expect(answer.locator('math')).toHaveCount(1);
  await expect(answer.getByRole('checkbox')).toHaveCount(2);
  await expect(answer.getByRole('link', { name: 'the docs' })).toHaveAttribute('href', 'https://wandb.ai/site/inference');
  await expect(answer.getByRole('button', { name: 'Load image' })).toBeVisible();
  await expect(answer.locator('img[src^="https://example.com"]')).toHaveCount(0);

  // Model HTML shows as text and never runs.
  await expect(answer).toContainText('<script>document.title="pwned"</script>');
  await expect(answer.locator('script, img[onerror]')).toHaveCount(0);
  expect(await chat.title()).not.toBe('pwned');

  // A link goes to the system browser through main, never navigating the window.
  const url = chat.url();
  await answer.getByRole('link', { name: 'the docs' }).click();
  expect(chat.url()).toBe(url);
});

test('Load image fetches through main (the page itself may not), and the setting loads them without asking', async ({ chat, fake }) => {
  const imageHost = new URL(fake.baseURL).origin;
  const pageRequests: string[] = [];
  chat.on('request', (request) => pageRequests.push(request.url()));
  await pickModel(chat, 'fake/echo');
  await send(chat, `a chart:\n\n![pixel](${imageHost}/images/pixel.png)`);
  const answer = lastAnswer(chat);
  await expect(answer.getByRole('img', { name: 'pixel' })).toHaveCount(0);
  await answer.getByRole('button', { name: 'Load image' }).click();
  await expect(answer.getByRole('img', { name: 'pixel' })).toHaveAttribute('src', /^data:image\/png;base64,/);
  expect(pageRequests.filter((url) => url.startsWith(imageHost))).toEqual([]);

  await send(chat, `a drawing:\n\n![drawing](${imageHost}/images/drawing.svg)`);
  await lastAnswer(chat).getByRole('button', { name: 'Load image' }).click();
  await expect(lastAnswer(chat).getByRole('alert')).toContainText('did not return a PNG');

  await chat.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = await settingsAt(chat, 'Appearance');
  await settings.getByRole('checkbox', { name: 'Load remote images automatically' }).check();
  await expect(settings.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await settings.getByRole('button', { name: 'Close' }).click();
  await send(chat, `another:\n\n![again](${imageHost}/images/pixel.png?2)`);
  await expect(lastAnswer(chat).getByRole('img', { name: 'again' })).toHaveAttribute('src', /^data:image\/png;base64,/);
});

test('a paragraph with more formulas than are typeset at first offers "Show all formulas", which typesets the rest and leaves focus on the answer', async ({ chat }) => {
  const formulas = Array.from({ length: 320 }, (_, i) => `$x_{${i}}$`);
  await pickModel(chat, 'fake/echo');
  await send(chat, `formulas:\n\n${formulas.join(' ')}`);
  const answer = lastAnswer(chat);
  await expect(answer).not.toHaveAttribute('aria-busy', 'true');
  await expect(answer.locator('math')).toHaveCount(300);
  await expect(answer).toContainText('$x_{300}$ $x_{301}$');

  await answer.getByRole('button', { name: 'Show all formulas' }).press('Enter');
  // The button is gone: focus stays on the answer, where the keyboard can go on from.
  await expect(answer).toBeFocused();
  await expect(answer.locator('math')).toHaveCount(320);
  await expect(answer).not.toContainText('$x_{300}$');
  await expect(answer.getByRole('button', { name: 'Show all formulas' })).toHaveCount(0);
  await expect(answer).toBeFocused();
});

test('a paragraph long enough to be shown in parts typesets 300 formulas in all, and its one "Show all formulas" typesets the rest', async ({ chat }) => {
  const words = Array.from({ length: 380 }, (_, i) => `then $x_{${i}}$ and *some* words`);
  await pickModel(chat, 'fake/echo');
  await send(chat, `formulas:\n\n${words.join(' ')}`);
  const answer = lastAnswer(chat);
  await expect(answer).not.toHaveAttribute('aria-busy', 'true');
  await expect(answer.locator('.md-paragraph-part').first()).toBeAttached();
  await expect(answer.locator('math')).toHaveCount(300);
  await expect(answer).toContainText('then $x_{300}$ and');
  await expect(answer.getByRole('button', { name: 'Show all formulas' })).toHaveCount(1);
  await expect(answer).toContainText('80 more shown as written');

  await answer.getByRole('button', { name: 'Show all formulas' }).press('Enter');
  await expect(answer).toBeFocused();
  await expect(answer.locator('math')).toHaveCount(380);
  await expect(answer).not.toContainText('$x_{');
  await expect(answer.getByRole('button', { name: 'Show all formulas' })).toHaveCount(0);
});
