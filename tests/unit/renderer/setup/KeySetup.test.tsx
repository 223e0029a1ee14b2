// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWith, ScriptedParley } from '../support/scriptedParley';

let api: ScriptedParley;

beforeEach(() => {
  api = new ScriptedParley();
  api.key = { hasKey: false, hint: null, backend: 'gnome_libsecret', secure: true };
});
afterEach(cleanup);

async function firstRun() {
  renderWith(api);
  await screen.findByRole('heading', { name: 'Connect to W&B Inference' });
  return userEvent.setup();
}

describe('first run', () => {
  it('checks the key with W&B, then saves it with the team/project and a default model, and opens the chat', async () => {
    api.connectionTest = { ok: true, models: ['fake/echo', 'openai/gpt-oss-120b'], message: 'Connected: 2 models.' };
    const user = await firstRun();
    const keyField = screen.getByLabelText('API key');
    expect(keyField).toHaveProperty('type', 'password');
    expect(keyField).toBe(document.activeElement);
    await user.type(keyField, 'secret-key-9876');
    await user.type(screen.getByLabelText('Team/project'), 'acme/chat');
    await user.click(screen.getByRole('button', { name: 'Save key' }));

    expect(await screen.findByRole('combobox', { name: 'Model' })).toBeTruthy();
    expect(api.callsTo('testNewConnection')).toEqual([[{ key: 'secret-key-9876', project: 'acme/chat' }]]);
    expect(api.callsTo('updateSettings')).toEqual([[{ project: 'acme/chat', defaultModel: 'openai/gpt-oss-120b' }]]);
    expect(api.callsTo('saveKey')).toEqual([[{ key: 'secret-key-9876' }]]);
    expect(document.body.textContent).not.toContain('secret-key-9876');
  });

  it('says plainly under the field when W&B refuses the key, keeps focus there and stores nothing', async () => {
    api.connectionTest = { ok: false, error: { code: 'auth', status: 401, message: 'The server did not accept the API key (401).' }, message: 'The server did not accept the API key (401).' };
    const user = await firstRun();
    const keyField = screen.getByLabelText('API key');
    await user.type(keyField, 'bad-key');
    await user.click(screen.getByRole('button', { name: 'Save key' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^W&B did not accept this key/);
    expect(keyField.getAttribute('aria-describedby')).toBe(alert.id);
    expect(keyField).toBe(document.activeElement);
    expect(api.callsTo('saveKey')).toEqual([]);
    expect(api.callsTo('updateSettings')).toEqual([]);
    expect(screen.getByRole('heading', { name: 'Connect to W&B Inference' })).toBeTruthy();
  });

  it('shows the key on request', async () => {
    const user = await firstRun();
    const show = screen.getByRole('button', { name: 'Show key' });
    await user.click(show);
    expect(screen.getByLabelText('API key')).toHaveProperty('type', 'text');
    expect(show.getAttribute('aria-pressed')).toBe('true');
  });

  it('opens the key page through main without navigating', async () => {
    const user = await firstRun();
    await user.click(screen.getByRole('link', { name: 'Get an API key' }));
    expect(api.callsTo('openLink')).toEqual([[{ url: 'https://wandb.ai/authorize' }]]);
    expect(window.location.href).toBe('http://localhost:3000/');
  });

  it('says so when the key is empty, without calling main', async () => {
    const user = await firstRun();
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter your API key.');
    expect(api.callsTo('saveKey')).toEqual([]);
  });

  it('asks before storing without a keyring, and stores on consent', async () => {
    const user = await firstRun();
    api.failNext('saveKey', { code: 'insecure-storage', message: 'This system has no keyring; the key would be stored readable.' });
    await user.type(screen.getByLabelText('API key'), 'k-1234');
    await user.click(screen.getByRole('button', { name: 'Save key' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'No keyring available' });
    expect(dialog.textContent).toContain('This system has no keyring');
    await user.click(within(dialog).getByRole('button', { name: 'Store anyway' }));

    await screen.findByRole('combobox', { name: 'Model' });
    expect(api.callsTo('saveKey')).toEqual([[{ key: 'k-1234' }], [{ key: 'k-1234', allowInsecure: true }]]);
    // The key was checked before each attempt to store it.
    expect(api.callsTo('testNewConnection')).toHaveLength(2);
  });

  it('cancelling the consent keeps the key unsaved and returns focus', async () => {
    const user = await firstRun();
    api.failNext('saveKey', { code: 'insecure-storage', message: 'No keyring.' });
    await user.type(screen.getByLabelText('API key'), 'k-1234');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'No keyring available' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBe(document.activeElement);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Save key' })).toBe(document.activeElement);
    expect(api.callsTo('saveKey')).toHaveLength(1);
  });

  it('shows other errors as an alert', async () => {
    const user = await firstRun();
    api.failNext('saveKey', { code: 'settings', message: 'The key could not be written.' });
    await user.type(screen.getByLabelText('API key'), 'k-1234');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The key could not be written.');
    expect(screen.getByRole('heading', { name: 'Connect to W&B Inference' })).toBeTruthy();
  });
});

describe('first run with a local server', () => {
  async function chooseLocal() {
    const user = await firstRun();
    await user.click(screen.getByRole('radio', { name: 'Use a local server' }));
    expect(screen.getByRole('heading', { name: 'Use a local server' })).toBeTruthy();
    return user;
  }

  it('fills in each server’s usual address', async () => {
    const user = await chooseLocal();
    const server = screen.getByRole('radiogroup', { name: 'Server' });
    expect(within(server).getByRole('radio', { name: 'Ollama' })).toHaveProperty('checked', true);
    expect(screen.getByLabelText('Base URL')).toHaveProperty('value', 'http://127.0.0.1:11434/v1');
    await user.click(within(server).getByRole('radio', { name: 'LM Studio' }));
    expect(screen.getByLabelText('Base URL')).toHaveProperty('value', 'http://127.0.0.1:1234/v1');
    await user.click(within(server).getByRole('radio', { name: 'vLLM' }));
    expect(screen.getByLabelText('Base URL')).toHaveProperty('value', 'http://127.0.0.1:8000/v1');
    await user.click(within(server).getByRole('radio', { name: 'Other' }));
    expect(screen.getByLabelText('Base URL')).toHaveProperty('value', '');
    expect(screen.getByLabelText('Base URL')).toBe(document.activeElement);
  });

  it('continues only after a successful test, then adds the endpoint as the default with a model it serves', async () => {
    api.connectionTest = { ok: true, models: ['llama3.2:3b', 'qwen2.5:7b'], message: 'Connected: 2 models.' };
    const user = await chooseLocal();
    const next = screen.getByRole('button', { name: 'Continue' });
    expect(next).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByText('Connected: 2 models, e.g. llama3.2:3b')).closest('[role=status]')).toBeTruthy();
    expect(api.callsTo('testNewConnection')).toEqual([[{ baseURL: 'http://127.0.0.1:11434/v1', project: '' }]]);

    // A changed address must be tested again.
    await user.type(screen.getByLabelText('Base URL'), 'x');
    expect(next).toHaveProperty('disabled', true);
    await user.type(screen.getByLabelText('Base URL'), '{Backspace}');
    expect(next).toHaveProperty('disabled', false);
    await user.click(next);

    expect(await screen.findByRole('combobox', { name: 'Model' })).toBeTruthy();
    expect(api.callsTo('addEndpoint')).toEqual([[{ name: 'Ollama', baseURL: 'http://127.0.0.1:11434/v1', project: '' }]]);
    const added = api.endpoints.find((endpoint) => !endpoint.builtIn);
    expect(api.callsTo('updateSettings')).toEqual([[{ defaultEndpointId: added?.id, defaultModel: 'llama3.2:3b' }]]);
    expect(api.callsTo('saveKey')).toEqual([]);
  });

  it('shows why a test failed and keeps Continue disabled', async () => {
    api.connectionTest = { ok: false, error: { code: 'connection', message: 'Nothing answered at 127.0.0.1:11434.' }, message: 'Nothing answered at 127.0.0.1:11434.' };
    const user = await chooseLocal();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Nothing answered at 127.0.0.1:11434.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveProperty('disabled', true);
    expect(api.callsTo('addEndpoint')).toEqual([]);
  });

  it('sends the optional key with the test and the endpoint', async () => {
    const user = await chooseLocal();
    await user.type(screen.getByLabelText('API key (optional)'), 'lm-key');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await screen.findByRole('combobox', { name: 'Model' });
    expect(api.callsTo('testNewConnection')).toEqual([[{ baseURL: 'http://127.0.0.1:11434/v1', project: '', key: 'lm-key' }]]);
    expect(api.callsTo('addEndpoint')).toEqual([[{ name: 'Ollama', baseURL: 'http://127.0.0.1:11434/v1', project: '', key: 'lm-key' }]]);
  });
});
