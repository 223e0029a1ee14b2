/** Where the redesigned window keeps controls that moved (docs/design-system.md §8), for the component tests. */
import { fireEvent, screen, within } from '@testing-library/react';

/** The Chat settings panel (system prompt, Parameters, Prompts), opened from the top bar if it is not open yet. */
export function chatSettings() {
  const button = screen.getByRole('button', { name: 'Chat settings' });
  if (button.getAttribute('aria-expanded') !== 'true') fireEvent.click(button);
  return within(screen.getByRole('dialog', { name: 'Chat settings' }));
}

/** The system prompt field, in the Chat settings panel. */
export const systemPromptField = () => chatSettings().getByRole('textbox', { name: 'System prompt' }) as HTMLTextAreaElement;

/** Opens a row's "Conversation actions" menu and returns it. */
export function rowMenu(row: HTMLElement) {
  fireEvent.click(within(row).getByRole('button', { name: 'Conversation actions' }));
  return within(screen.getByRole('menu', { name: 'Conversation actions' }));
}

/** The top bar: the header that holds the conversation's title. */
export function topBar(): HTMLElement {
  const bar = screen.getByRole('heading', { level: 1 }).closest('header');
  if (!bar) throw new Error('no top bar');
  return bar;
}

/** Opens the top bar's More menu and returns it. */
export function topBarMenu() {
  fireEvent.click(within(topBar()).getByRole('button', { name: 'More' }));
  return within(screen.getByRole('menu', { name: 'More' }));
}

/** Settings, opened from the sidebar at one of its sections (Data holds Import, Export all, Back up and Select). */
export function settingsDialog(section: string) {
  fireEvent.click(within(screen.getByRole('navigation', { name: 'Conversations' })).getByRole('button', { name: 'Settings' }));
  const dialog = within(screen.getByRole('dialog', { name: 'Settings' }));
  fireEvent.click(within(dialog.getByRole('navigation', { name: 'Settings sections' })).getByRole('button', { name: section }));
  return dialog;
}
