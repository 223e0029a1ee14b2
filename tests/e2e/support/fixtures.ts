/**
 * The UI specs' fixtures: each test gets Parley on a fresh data folder, pointed at a
 * fake inference server on 127.0.0.1, in the runtime of its Playwright project: web
 * mode in Chromium, or the real Electron app (skipped, with the reason, where no
 * Electron binary exists).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron, test as base, expect, type ElectronApplication, type Locator, type Page } from '@playwright/test';
import { startFakeInferenceServer, type FakeInferenceServer } from '../../fixtures/fakeInferenceServer';
import { startWebMode } from '../../../main/web/startWebMode';
import { electronBinaryStatus } from './electronBinary';

export type Runtime = 'web' | 'electron';

/** Short enough that the stall spec finishes fast, long enough for slow CI machines. */
const STALL_TIMEOUT_MS = 2_500;

export const TEST_KEY = 'wandb-test-key-7F3q';

/** The running app, which a spec may quit and start again on the same data folder. */
export interface ParleyProcess {
  readonly page: Page;
  /** The Electron app, to act as Electron itself would (crash a renderer…); null in web mode. */
  readonly electronApp: ElectronApplication | null;
  start(): Promise<Page>;
  /** Quits the app (or stops web mode) and starts it again on the same data folder, doing `meanwhile` in between. */
  restart(meanwhile?: () => Promise<void>): Promise<Page>;
  /**
   * Answers the next native save or folder dialog with `target` (Electron). Web mode has no
   * dialogs: it downloads files and exports folders into the data folder, so this does nothing.
   */
  answerDialogsWith(target: string): Promise<void>;
}

export interface Fixtures {
  fake: FakeInferenceServer;
  dataDir: string;
  parley: ParleyProcess;
  /** Parley at its first run, no key stored. */
  app: Page;
  /** Parley with the test key stored and the chat screen showing. */
  chat: Page;
}

export const test = base.extend<Fixtures & { runtime: Runtime; stallTimeoutMs: number }>({
  runtime: ['web', { option: true }],
  // How long main waits for a silent stream; a screen that shows an answer mid-stream (fake/stall) waits longer.
  stallTimeoutMs: [STALL_TIMEOUT_MS, { option: true }],

  fake: async ({}, use) => {
    const server = await startFakeInferenceServer();
    await use(server);
    await server.close();
  },

  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  parley: async ({ runtime, fake, dataDir, browser, stallTimeoutMs }, use) => {
    if (runtime === 'electron') {
      const electron = electronBinaryStatus();
      test.skip(!electron.available, electron.available ? '' : `Electron runtime: ${electron.reason}`);
    }
    let stop: (() => Promise<void>) | null = null;
    let page: Page | null = null;
    let electronApp: ElectronApplication | null = null;

    async function launch(): Promise<Page> {
      if (runtime === 'web') {
        const server = await startWebMode({ dataDir, staticDir: path.resolve('dist/renderer'), baseURL: fake.baseURL, stallTimeoutMs, modelCatalogOrigin: fake.catalogOrigin });
        const context = await browser.newContext();
        const opened = await context.newPage();
        await opened.goto(server.url);
        stop = async () => {
          await context.close();
          await server.close();
        };
        return opened;
      }
      const app = await _electron.launch({
        args: [path.resolve('.'), `--data-dir=${dataDir}`],
        env: { ...process.env, PARLEY_BASE_URL: fake.baseURL, PARLEY_MODEL_CATALOG_ORIGIN: fake.catalogOrigin, PARLEY_STALL_TIMEOUT_MS: String(stallTimeoutMs) },
      });
      electronApp = app;
      stop = () => app.close();
      return app.firstWindow();
    }

    const close = async () => {
      await stop?.();
      stop = null;
    };
    await use({
      get page() {
        if (!page) throw new Error('Parley is not running');
        return page;
      },
      get electronApp() {
        return electronApp;
      },
      async start() {
        page = await launch();
        return page;
      },
      async answerDialogsWith(target) {
        await electronApp?.evaluate(({ dialog }, chosen) => {
          dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as typeof dialog.showSaveDialog;
          dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
        }, target);
      },
      async restart(meanwhile) {
        await close();
        await meanwhile?.();
        page = await launch();
        return page;
      },
    });
    await close();
  },

  app: async ({ parley }, use) => {
    await use(await parley.start());
  },

  chat: async ({ app }, use) => {
    await saveKey(app, TEST_KEY);
    await expect(app.getByRole('combobox', { name: 'Model' })).toBeVisible();
    await use(app);
  },
});

/** Enters a key on the first-run screen, agreeing to keyring-less storage where the OS has none. */
export async function saveKey(page: Page, key: string): Promise<void> {
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Save key' }).click();
  const consent = page.getByRole('alertdialog', { name: 'No keyring available' });
  const chatShown = page.getByRole('combobox', { name: 'Model' });
  await expect(consent.or(chatShown)).toBeVisible();
  if (await consent.isVisible()) await consent.getByRole('button', { name: 'Store anyway' }).click();
}

/**
 * After a restart: web mode kept the key in memory only, so it asks again; the desktop app has
 * it in the keyring. Waits for whichever screen the app settles on before deciding.
 */
export async function enterKeyIfAsked(page: Page): Promise<void> {
  const setup = page.getByRole('heading', { name: 'Connect to W&B Inference' });
  await expect(setup.or(page.getByRole('navigation', { name: 'Conversations' }))).toBeVisible();
  if (await setup.isVisible()) await saveKey(page, TEST_KEY);
}

/** Picks a model in the searchable picker (the one in `scope`: the page, or e.g. one of Compare's columns), as a keyboard user would. */
export async function pickModel(scope: Page | Locator, model: string): Promise<void> {
  const picker = scope.getByRole('combobox', { name: 'Model' });
  await picker.click();
  await picker.fill(model);
  await scope.getByRole('option', { name: model, exact: true }).click();
  await expect(picker).toHaveValue(model);
}

/** Types a message and sends it with Enter. */
export async function send(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
}

export const lastAnswer = (page: Page) => page.getByRole('log', { name: 'Conversation' }).getByRole('article', { name: 'Assistant' }).last();

export { expect };
