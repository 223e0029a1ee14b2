/**
 * The key from the page's side: after saving a distinctive key and using the app (chat, an
 * error that echoes the header, search, settings, export), it is nowhere the page can see —
 * not in the bridge's frames, the DOM or localStorage.
 */
import { keyForms } from '../../unit/security/support/scanForKey';
import { expect, lastAnswer, pickModel, saveKey, send, test } from '../support/fixtures';

const KEY = 'wb-E2ECANARY-8c1d2e3f4a5b6c7d';

test('the key never reaches the page', async ({ app }) => {
  const frames: string[] = [];
  app.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => frames.push(String(payload))));
  await app.reload();
  await saveKey(app, KEY);

  await pickModel(app, 'fake/echo');
  await send(app, 'hello otters');
  await expect(lastAnswer(app)).toContainText('You said: hello otters');
  await pickModel(app, 'fake/error-echo-auth');
  await send(app, 'echo my header');
  await expect(lastAnswer(app).getByRole('alert')).toContainText('Bearer [redacted]');
  await pickModel(app, 'fake/error-401');
  await send(app, 'wrong key?');
  await expect(lastAnswer(app).getByRole('alert')).toContainText('not accepted');

  await app.getByRole('navigation', { name: 'Conversations' }).getByRole('searchbox', { name: 'Search conversations' }).fill('otters');
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(app.getByRole('dialog', { name: 'Settings' })).toContainText(`Key ends in ${KEY.slice(-4)}`);

  const seen = [...frames, await app.content(), await app.evaluate(() => JSON.stringify({ ...localStorage }))];
  expect(frames.length).toBeGreaterThan(5);
  expect(seen.filter((text) => keyForms(KEY).some((form) => text.includes(form)))).toEqual([]);
});
