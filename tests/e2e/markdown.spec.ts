import { expectAccessibleInBothThemes } from './support/axe';
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

test('footnotes cited in several paragraphs show once each, where the answer writes them, smaller than the text, with no heading per paragraph', async ({ chat }) => {
  await pickModel(chat, 'fake/echo');
  await send(chat, 'Gannets dive at speed.[^1] They nest in colonies.[^2]\n\nPelicans scoop fish.[^1]\n\n[^1]: Nelson, *The Gannet*, 1978.\n[^2]: See the [survey](https://example.com/survey).');
  const answer = lastAnswer(chat);
  await expect(answer).not.toHaveAttribute('aria-busy', 'true');
  await expect(answer.locator('sup.md-footnote-ref')).toHaveText(['1', '2', '1']);
  const notes = answer.getByRole('note');
  await expect(notes).toHaveText(['1Nelson, The Gannet, 1978.', '2See the survey.']);
  await expect(answer.getByRole('heading')).toHaveCount(0);
  await expect(notes.nth(1).getByRole('link', { name: 'survey' })).toBeVisible();
  // Below the text they belong to, in a smaller size, each on lines of its own.
  const sizes = await answer.evaluate((element) => {
    const size = (selector: string) => parseFloat(getComputedStyle(element.querySelector(selector) as Element).fontSize);
    const [first, second] = [...element.querySelectorAll('.md-footnote')].map((note) => note.getBoundingClientRect());
    const lastParagraph = [...element.querySelectorAll('.md p')].find((p) => p.textContent?.startsWith('Pelicans'))?.getBoundingClientRect();
    return { text: size('.md p'), note: size('.md-footnote'), order: (lastParagraph?.bottom ?? Infinity) <= (first?.top ?? 0) && (first?.bottom ?? Infinity) <= (second?.top ?? 0) };
  });
  expect(sizes.note).toBeLessThan(sizes.text);
  expect(sizes.order).toBe(true);
  await expectAccessibleInBothThemes(chat, 'an answer with footnotes');
});

test('code in the tenth step of a list, four spaces in, shows exactly as written', async ({ chat }) => {
  await pickModel(chat, 'fake/echo');
  const steps = Array.from({ length: 9 }, (_, n) => `${n + 1}. Step ${n + 1}.`).join('\n');
  await send(chat, `the steps:\n\n${steps}\n10. Find the comments:\n    ~~~sh\n    grep -n '<!--' page.html | sed 's/\\(a\\)/b/'\n    ~~~`);
  const answer = lastAnswer(chat);
  await expect(answer).not.toHaveAttribute('aria-busy', 'true');
  await expect(answer.getByRole('listitem').last().locator('pre')).toContainText(`grep -n '<!--' page.html | sed 's/\\(a\\)/b/'`);
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
