/** Where things are on Parley's screens, by role and name, and the one-line steps many specs share. */
import type { Page } from '@playwright/test';
import { expect, lastAnswer, send } from './fixtures';

export const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });

/** A conversation in the sidebar list, by its exact title. */
export const conversationButton = (page: Page, title: string) =>
  sidebar(page).getByRole('list', { name: 'Conversations' }).getByRole('button', { name: title, exact: true });

/** Sends one message with the echo model and waits for the whole answer. */
export async function chatOnce(page: Page, text: string): Promise<void> {
  await send(page, text);
  await expect(lastAnswer(page)).toContainText(`You said: ${text}`);
  await expect(lastAnswer(page)).not.toHaveAttribute('aria-busy', 'true');
}
