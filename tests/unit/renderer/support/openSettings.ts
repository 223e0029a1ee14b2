import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWith, type ScriptedParley } from './scriptedParley';

/** Starts the app and opens Settings from the sidebar, as a person would, at `section` (it opens on Connection). */
export async function openSettings(api: ScriptedParley, section?: string) {
  renderWith(api);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Settings' }));
  const dialog = screen.getByRole('dialog', { name: 'Settings' });
  if (section) await user.click(within(within(dialog).getByRole('navigation', { name: 'Settings sections' })).getByRole('button', { name: section }));
  return { user, dialog };
}
