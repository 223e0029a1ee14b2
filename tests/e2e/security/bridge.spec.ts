/**
 * From the page, nothing but Parley's named functions reaches main: no Node or Electron globals,
 * and in Electron `window.parley` holds exactly `createApi`'s functions and nothing else.
 */
import { createApi, type Transport } from '../../../shared/ipc/client';
import { expect, test } from '../support/fixtures';

const unused = (): never => {
  throw new Error('not called');
};
const API_FUNCTIONS = Object.keys(createApi({ invoke: unused, openChat: unused } satisfies Transport)).sort();

test('the page has no Node or Electron globals', async ({ app }) => {
  const globals = await app.evaluate(() =>
    ['require', 'process', 'module', 'exports', 'Buffer', 'global', 'ipcRenderer', 'electron', '__dirname'].filter((name) => name in window),
  );
  expect(globals).toEqual([]);
});

test('window.parley exposes only the named functions (Electron)', async ({ app, runtime }) => {
  test.skip(runtime !== 'electron', 'web mode has no preload: the page builds the API over its own socket');
  const surface = await app.evaluate(() => {
    const api = (window as { parley?: Record<string, unknown> }).parley ?? {};
    return { names: Object.keys(api).sort(), kinds: [...new Set(Object.values(api).map((value) => typeof value))] };
  });
  expect(surface.names).toEqual(API_FUNCTIONS);
  expect(surface.kinds).toEqual(['function']);
});
