import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, type ParleyProcess, type Runtime } from './fixtures';

/** The text of a file the app saved: a download in web mode, a file at the dialog's answer in Electron. */
export async function savedText(page: Page, parley: ParleyProcess, runtime: Runtime, target: string, save: () => Promise<void>): Promise<string> {
  if (runtime === 'electron') {
    await parley.answerDialogsWith(target);
    await save();
    await expect(page.getByText(`Saved to ${target}`)).toBeVisible();
    return readFile(target, 'utf8');
  }
  const [download] = await Promise.all([page.waitForEvent('download'), save()]);
  const file = await download.path();
  expect(download.suggestedFilename()).toMatch(/\.(md|json)$/);
  return readFile(file, 'utf8');
}
