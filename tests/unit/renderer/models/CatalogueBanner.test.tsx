// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWith, ScriptedParley } from '../support/scriptedParley';

let api: ScriptedParley;

beforeEach(() => {
  api = new ScriptedParley();
});
afterEach(cleanup);

/** The banner above the thread, found by its first line. */
const banner = (title: RegExp) => screen.findByText(title).then((line) => line.closest('[role="status"]') as HTMLElement);

describe('the app-level banner', () => {
  it('says when the key is refused and offers Replace key, which opens Settings at the key', async () => {
    api.failNext('listModels', { code: 'auth', message: 'The API key was not accepted.' });
    renderWith(api);
    const shown = await banner(/^W&B Inference did not accept the API key$/);
    expect(within(shown).getAllByRole('button').map((button) => button.textContent)).toEqual(['Replace key']);
    await userEvent.setup().click(within(shown).getByRole('button', { name: 'Replace key' }));
    const settings = screen.getByRole('dialog', { name: 'Settings' });
    expect(within(settings).getByRole('button', { name: 'Replace key' })).toBeTruthy();
  });

  it('says when no key is stored', async () => {
    api.endpoints = api.endpoints.map((endpoint) => ({ ...endpoint, key: { ...endpoint.key, hasKey: false } }));
    renderWith(api);
    const shown = await banner(/^No API key is stored$/);
    expect(within(shown).getByRole('button', { name: 'Add a key' })).toBeTruthy();
  });

  it('says when the server lists no models, and goes once a refresh lists some', async () => {
    const listed = api.models;
    api.models = { ...listed, models: [] };
    renderWith(api);
    const shown = await banner(/^W&B Inference lists no models$/);
    api.models = listed;
    await userEvent.setup().click(within(shown).getByRole('button', { name: 'Refresh models' }));
    await waitFor(() => expect(screen.queryByText(/lists no models/)).toBeNull());
    expect(api.callsTo('listModels').at(-1)).toEqual([{ refresh: true, endpointId: 'wandb' }]);
  });

  it('says when the list is offline, with when the cached one is from', async () => {
    api.models = { ...api.models, fromCache: true, fetchedAt: null, error: { code: 'connection', message: 'Could not reach the server.' } };
    renderWith(api);
    const shown = await banner(/^The model list is offline$/);
    expect(shown.textContent).toContain('Showing the models cached earlier. Could not reach the server.');
  });

  it('shows nothing when the list is fine', async () => {
    renderWith(api);
    await waitFor(() => expect(api.callsTo('listModels')).toHaveLength(1));
    await screen.findByRole('combobox', { name: 'Model' });
    expect(screen.queryByText(/API key|model list|lists no models/)).toBeNull();
  });
});
