import { expect, lastAnswer, pickModel, send, test } from './support/fixtures';

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
