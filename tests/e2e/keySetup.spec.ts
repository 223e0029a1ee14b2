import { expect, saveKey, send, test, TEST_KEY } from './support/fixtures';

test('first run asks for a key, and the key never reaches the page', async ({ app, runtime }) => {
  const framesFromMain: string[] = [];
  if (runtime === 'web') {
    app.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => framesFromMain.push(String(payload))));
  }
  await expect(app.getByRole('heading', { name: 'Connect to W&B Inference' })).toBeVisible();
  await expect(app.getByRole('link', { name: 'Get an API key' })).toBeVisible();

  await saveKey(app, TEST_KEY);
  await expect(app.getByRole('combobox', { name: 'Model' })).toBeVisible();

  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = app.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toContainText(`ends in ${TEST_KEY.slice(-4)}`);

  const html = await app.content();
  expect(html).not.toContain(TEST_KEY);
  const storage = await app.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  expect(storage).not.toContain(TEST_KEY);
  expect(framesFromMain.join('\n')).not.toContain(TEST_KEY);
});

test('the page has no Node and only the named bridge functions', async ({ app, runtime }) => {
  const surface = await app.evaluate(() => ({
    require: typeof (window as { require?: unknown }).require,
    process: typeof (window as { process?: unknown }).process,
    module: typeof (window as { module?: unknown }).module,
    ipc: typeof (window as { ipcRenderer?: unknown }).ipcRenderer,
    parley: (window as { parley?: object }).parley ? Object.keys((window as { parley?: object }).parley as object).sort() : null,
  }));
  expect(surface).toMatchObject({ require: 'undefined', process: 'undefined', module: 'undefined', ipc: 'undefined' });
  // In Electron the preload exposes exactly the contract's functions; web mode builds the same object inside the page.
  if (runtime === 'electron') {
    expect(surface.parley).toEqual(['chat', 'getSettings', 'keyStatus', 'listModels', 'notices', 'openLink', 'removeKey', 'saveKey', 'updateSettings']);
  }
});

test('a key the server refuses later gets a plain 401 message and a way to fix it', async ({ chat: app }) => {
  // First run checks a key before storing it; a key can still stop working afterwards (revoked), as this replaced one does.
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = app.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Replace key' }).click();
  await settings.getByLabel('API key', { exact: true }).fill('bad-key');
  await settings.getByRole('button', { name: 'Save key' }).click();
  await expect(settings).toContainText('Key saved.');
  await settings.getByRole('button', { name: 'Close' }).click();
  // The model list is refused too, so the user types a model id they know.
  const picker = app.getByRole('combobox', { name: 'Model' });
  await picker.fill('fake/echo');
  await picker.press('Enter');
  await send(app, 'hello');
  const alert = app.getByRole('log', { name: 'Conversation' }).getByRole('alert');
  await expect(alert).toContainText(/key/i);
  await expect(app.getByRole('button', { name: 'Open settings' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Retry' })).toBeVisible();
});
