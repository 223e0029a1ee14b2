/**
 * When the window's renderer crashes, Parley reopens it with the conversation intact, records the
 * crash in the log and offers Show logs. Electron only: web mode has no renderer process of its
 * own to lose. The built bundle's wiring is also checked without Electron, against a stand-in
 * (tests/packaging/mainBundle.test.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, lastAnswer, pickModel, send, test } from './support/fixtures';

test.skip(({ runtime }) => runtime !== 'electron', 'Renderer crashes need the Electron runtime; the web runtime has no renderer process of its own.');

test('a crashed window comes back with the conversation, the crash is logged, and the logs are offered', async ({ parley, chat, dataDir }) => {
  const app = parley.electronApp;
  if (!app) throw new Error('Electron runtime without an Electron app');
  // Native message boxes cannot be clicked from a test: record them and answer "Close".
  await app.evaluate(({ dialog }) => {
    const boxes: string[] = [];
    (globalThis as { messageBoxes?: string[] }).messageBoxes = boxes;
    dialog.showMessageBox = (async (...args: unknown[]) => {
      const options = args.at(-1) as { message: string; cancelId?: number };
      boxes.push(options.message);
      return { response: options.cancelId ?? 0, checkboxChecked: false };
    }) as typeof dialog.showMessageBox;
  });
  await pickModel(chat, 'fake/echo');
  await send(chat, 'Remember this line');
  await expect(lastAnswer(chat)).toContainText('Remember this line');

  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer());

  await expect.poll(() => app.evaluate(() => (globalThis as { messageBoxes?: string[] }).messageBoxes)).toEqual(['Parley’s window stopped unexpectedly and was reopened']);
  // Asked of Electron rather than through the page: Playwright treats a page whose renderer crashed as gone.
  const reopened = () =>
    app.evaluate(async ({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents;
      if (!contents || contents.isCrashed() || contents.isLoading()) return null;
      return contents.executeJavaScript('document.querySelector(\'[aria-label="Conversations"]\')?.textContent ?? ""') as Promise<string>;
    });
  await expect.poll(reopened).toContain('Chat: Remember this line');
  expect(await readFile(path.join(dataDir, 'logs', 'parley.log'), 'utf8')).toMatch(/ERROR The window's renderer process is gone: \w+/);
});
