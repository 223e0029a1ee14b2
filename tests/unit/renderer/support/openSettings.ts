import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWith, type ScriptedParley } from './scriptedParley';

/** Starts the app and opens Settings from the sidebar, as a person would. */
export async function openSettings(api: ScriptedParley) {
  renderWith(api);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Settings' }));
  return { user, dialog: screen.getByRole('dialog', { name: 'Settings' }) };
}
