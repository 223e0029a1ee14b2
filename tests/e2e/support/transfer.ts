/** Steps of the export specs: files the app saves, and "Export all". */
import { mkdir, readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, type ParleyProcess, type Runtime } from './fixtures';
import { dataAction } from './screens';

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

/** "Export all" into `target` (Electron's folder dialog answer; web mode picks its own), returning where the files went. */
export async function exportAll(page: Page, parley: ParleyProcess, target: string, count: number): Promise<string> {
  await mkdir(target);
  await parley.answerDialogsWith(target);
  await dataAction(page, 'Export all');
  const progress = page.getByRole('dialog', { name: 'Exporting conversations' });
  await expect(progress).toContainText(new RegExp(`Exported ${count} conversations? to `));
  const folder = (await progress.innerText()).match(/Exported \d+ conversations? to (.+)/)?.[1]?.trim() ?? '';
  await progress.getByRole('button', { name: 'Close' }).click();
  return folder;
}
