// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ToolServerView } from '../../../../shared/ipc';
import { ToolsSettings } from '../../../../renderer/features/tools/ToolsSettings';
import { renderWith, ScriptedParley } from '../support/scriptedParley';

let api: ScriptedParley;

const everything = (change: Partial<ToolServerView> = {}): ToolServerView => ({
  id: 'srv-1',
  name: 'Everything',
  transport: 'stdio',
  command: 'npx',
  args: ['-y', '@modelcontextprotocol/server-everything'],
  env: [{ name: 'API_TOKEN', hint: 'c0de' }],
  state: { status: 'ready' },
  tools: [
    { name: 'echo', description: 'Echoes back the input', enabled: true, alwaysAllowed: false },
    { name: 'add', description: 'Adds two numbers', enabled: false, alwaysAllowed: true },
  ],
  ...change,
} as ToolServerView);

beforeEach(() => {
  api = new ScriptedParley();
});
afterEach(cleanup);

async function show() {
  renderWith(api, <ToolsSettings />);
  const user = userEvent.setup();
  const section = await screen.findByRole('region', { name: 'MCP servers' });
  return { user, section };
}

describe('Settings › Tools: adding a server', () => {
  it('adds a command with its arguments (one per line) and environment, and lists it as stopped', async () => {
    const { user, section } = await show();
    expect(within(section).getByText('No MCP servers yet.')).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Add MCP server' }));
    const form = within(section).getByRole('form', { name: 'Add MCP server' });
    await user.type(within(form).getByLabelText('Name'), 'Files');
    await user.type(within(form).getByLabelText('Command'), 'npx');
    await user.type(within(form).getByLabelText('Arguments'), '-y{Enter}@modelcontextprotocol/server-filesystem{Enter}{Enter}/home/me/notes');
    await user.type(within(form).getByLabelText('Environment'), 'TOKEN=s3cret=with=equals{Enter}DEBUG=1');
    await user.click(within(form).getByRole('button', { name: 'Add server' }));

    const card = await within(section).findByRole('article', { name: 'Files' });
    expect(within(card).getByRole('status').textContent).toBe('Stopped');
    expect(api.callsTo('addToolServer')).toEqual([
      [
        {
          fields: {
            name: 'Files',
            transport: 'stdio',
            command: 'npx',
            args: ['-y', '@modelcontextprotocol/server-filesystem', '/home/me/notes'],
            env: [
              { name: 'TOKEN', value: 's3cret=with=equals' },
              { name: 'DEBUG', value: '1' },
            ],
          },
        },
      ],
    ]);
    expect(within(section).queryByRole('form', { name: 'Add MCP server' })).toBeNull();
  });

  it('adds a URL server with headers', async () => {
    const { user, section } = await show();
    await user.click(within(section).getByRole('button', { name: 'Add MCP server' }));
    const form = within(section).getByRole('form', { name: 'Add MCP server' });
    await user.type(within(form).getByLabelText('Name'), 'Remote');
    await user.click(within(form).getByRole('radio', { name: 'URL (HTTP)' }));
    expect(within(form).queryByLabelText('Command')).toBeNull();
    await user.type(within(form).getByLabelText('URL'), 'http://127.0.0.1:3001/mcp');
    await user.type(within(form).getByLabelText('Headers'), 'Authorization: Bearer abc:def');
    await user.click(within(form).getByRole('button', { name: 'Add server' }));
    await within(section).findByRole('article', { name: 'Remote' });
    expect(api.callsTo('addToolServer')[0]).toEqual([
      { fields: { name: 'Remote', transport: 'http', url: 'http://127.0.0.1:3001/mcp', headers: [{ name: 'Authorization', value: 'Bearer abc:def' }] } },
    ]);
  });

  it.each([
    ['no name', {}, 'Enter a name for the server.', 'Name'],
    ['no command', { Name: 'A' }, 'Enter the command that starts the server, e.g. npx.', 'Command'],
    ['an environment line without a value', { Name: 'A', Command: 'npx', Environment: 'TOKEN' }, 'Environment, line 1: “TOKEN” has no value. Write NAME=value.', 'Environment'],
    ['a bad variable name', { Name: 'A', Command: 'npx', Environment: 'OK=1{Enter}2BAD=x' }, 'Environment, line 2: “2BAD” is not a valid name. Write NAME=value.', 'Environment'],
    ['a variable twice', { Name: 'A', Command: 'npx', Environment: 'A=1{Enter}A=2' }, 'Environment, line 2: “A” is given twice.', 'Environment'],
  ])('refuses %s with a sentence, focuses the field and sends nothing', async (_case, typed: Record<string, string>, message, field) => {
    const { user, section } = await show();
    await user.click(within(section).getByRole('button', { name: 'Add MCP server' }));
    const form = within(section).getByRole('form', { name: 'Add MCP server' });
    for (const [label, text] of Object.entries(typed)) await user.type(within(form).getByLabelText(label), text);
    await user.click(within(form).getByRole('button', { name: 'Add server' }));
    expect(within(form).getByRole('alert').textContent).toBe(message);
    expect(document.activeElement).toBe(within(form).getByLabelText(field));
    expect(within(form).getByLabelText(field).getAttribute('aria-invalid')).toBe('true');
    expect(api.callsTo('addToolServer')).toEqual([]);
  });

  it('refuses a URL that is not http(s) and a header without a value', async () => {
    const { user, section } = await show();
    await user.click(within(section).getByRole('button', { name: 'Add MCP server' }));
    const form = within(section).getByRole('form', { name: 'Add MCP server' });
    await user.type(within(form).getByLabelText('Name'), 'Remote');
    await user.click(within(form).getByRole('radio', { name: 'URL (HTTP)' }));
    await user.type(within(form).getByLabelText('URL'), 'file:///etc/passwd');
    await user.click(within(form).getByRole('button', { name: 'Add server' }));
    expect(within(form).getByRole('alert').textContent).toBe('Enter the server’s address, starting with http:// or https://.');
    await user.clear(within(form).getByLabelText('URL'));
    await user.type(within(form).getByLabelText('URL'), 'https://mcp.example.com');
    await user.type(within(form).getByLabelText('Headers'), 'Authorization');
    await user.click(within(form).getByRole('button', { name: 'Add server' }));
    expect(within(form).getByRole('alert').textContent).toBe('Headers, line 1: “Authorization” has no value. Write Name: value.');
    expect(api.callsTo('addToolServer')).toEqual([]);
  });

  it('shows main’s refusal (a name already used) and keeps what was typed', async () => {
    const { user, section } = await show();
    await user.click(within(section).getByRole('button', { name: 'Add MCP server' }));
    const form = within(section).getByRole('form', { name: 'Add MCP server' });
    await user.type(within(form).getByLabelText('Name'), 'Files');
    await user.type(within(form).getByLabelText('Command'), 'npx');
    api.failNext('addToolServer', { code: 'invalid-request', message: 'A tool server named “Files” already exists. Choose another name.' });
    await user.click(within(form).getByRole('button', { name: 'Add server' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('A tool server named “Files” already exists. Choose another name.');
    expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('Files');
  });
});

describe('Settings › Tools: a server', () => {
  it('editing shows stored secrets by name and hint only, and keeps the ones left unchanged', async () => {
    api.toolServers = [everything()];
    const { user, section } = await show();
    const card = await within(section).findByRole('article', { name: 'Everything' });
    await user.click(within(card).getByRole('button', { name: 'Edit' }));
    const form = within(section).getByRole('form', { name: 'Edit Everything' });
    const env = within(form).getByLabelText('Environment') as HTMLTextAreaElement;
    expect(env.value).toBe('API_TOKEN');
    expect(form.textContent).toContain('API_TOKEN (ends in c0de)');
    await user.type(env, '{Enter}EXTRA=1');
    await user.click(within(form).getByRole('button', { name: 'Save server' }));
    await within(section).findByRole('button', { name: 'Add MCP server' });
    expect(api.callsTo('updateToolServer')).toEqual([
      [
        {
          id: 'srv-1',
          fields: {
            name: 'Everything',
            transport: 'stdio',
            command: 'npx',
            args: ['-y', '@modelcontextprotocol/server-everything'],
            env: [{ name: 'API_TOKEN' }, { name: 'EXTRA', value: '1' }],
          },
        },
      ],
    ]);
  });

  it('shows each state, and Start/Restart/Stop act on it', async () => {
    api.toolServers = [
      everything({ id: 'a', name: 'Ready one' }),
      everything({ id: 'b', name: 'Broken', state: { status: 'failed', reason: 'The command “nope” was not found.' }, tools: [] }),
      everything({ id: 'c', name: 'Off', state: { status: 'stopped' }, tools: [] }),
    ];
    const { user, section } = await show();
    const broken = await within(section).findByRole('article', { name: 'Broken' });
    expect(within(broken).getByRole('status').textContent).toBe('Failed: The command “nope” was not found.');
    const off = within(section).getByRole('article', { name: 'Off' });
    expect(within(off).getByRole('status').textContent).toBe('Stopped');
    expect(within(off).getByText('Its tools are listed once it has started.')).toBeTruthy();
    await user.click(within(off).getByRole('button', { name: 'Start' }));
    expect(await within(off).findByText('Ready')).toBeTruthy();
    expect(api.callsTo('startToolServer')).toEqual([[{ id: 'c' }]]);
    const ready = within(section).getByRole('article', { name: 'Ready one' });
    await user.click(within(ready).getByRole('button', { name: 'Stop' }));
    expect(await within(ready).findByText('Stopped')).toBeTruthy();
  });

  it('switches a tool on and off and revokes "Always allow"', async () => {
    api.toolServers = [everything()];
    const { user, section } = await show();
    const card = await within(section).findByRole('article', { name: 'Everything' });
    const echo = within(card).getByRole('switch', { name: 'echo' });
    expect((echo as HTMLInputElement).checked).toBe(true);
    expect(echo.getAttribute('aria-describedby') && document.getElementById(echo.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Echoes back the input');
    await user.click(echo);
    expect(await within(card).findByRole('switch', { name: 'echo', checked: false })).toBeTruthy();
    expect(api.callsTo('setToolEnabled')).toEqual([[{ serverId: 'srv-1', tool: 'echo', enabled: false }]]);

    const add = within(card).getAllByRole('listitem')[1];
    if (!add) throw new Error('no second tool');
    expect(add.textContent).toContain('Always allowed');
    await user.click(within(add).getByRole('button', { name: 'Revoke' }));
    await screen.findByRole('switch', { name: 'add' });
    expect(api.callsTo('revokeAlwaysAllow')).toEqual([[{ serverId: 'srv-1', tool: 'add' }]]);
    expect(add.textContent).not.toContain('Always allowed');
  });

  it('Remove asks first; Keep keeps the server', async () => {
    api.toolServers = [everything()];
    const { user, section } = await show();
    const card = await within(section).findByRole('article', { name: 'Everything' });
    await user.click(within(card).getByRole('button', { name: 'Remove' }));
    await user.click(within(card).getByRole('button', { name: 'Keep' }));
    expect(api.callsTo('removeToolServer')).toEqual([]);
    await user.click(within(card).getByRole('button', { name: 'Remove' }));
    await user.click(within(card).getByRole('button', { name: 'Remove server' }));
    expect(await within(section).findByText('No MCP servers yet.')).toBeTruthy();
    expect(api.callsTo('removeToolServer')).toEqual([[{ id: 'srv-1' }]]);
  });
});

describe('Settings › Tools: Claude desktop import', () => {
  it('sends the pasted config and shows what was added and what was skipped, with why', async () => {
    api.toolImport = { added: [everything({ id: 'imp', name: 'filesystem', state: { status: 'stopped' }, tools: [] })], skipped: [{ name: 'weird', reason: 'it has neither a command nor a URL' }] };
    const { user, section } = await show();
    await user.click(within(section).getByRole('button', { name: 'Import from Claude desktop config' }));
    const form = within(section).getByRole('form', { name: 'Import from Claude desktop config' });
    await user.click(within(form).getByRole('button', { name: 'Import' }));
    expect(within(form).getByRole('alert').textContent).toBe('Paste the config or choose its file first.');
    const config = '{"mcpServers":{"filesystem":{"command":"npx","args":[]}}}';
    await user.click(within(form).getByLabelText('Config (JSON)'));
    await user.paste(config);
    await user.click(within(form).getByRole('button', { name: 'Import' }));
    const report = await within(form).findByRole('status');
    expect(report.textContent).toContain('Added: filesystem.');
    expect(report.textContent).toContain('Skipped weird: it has neither a command nor a URL');
    expect(api.callsTo('importClaudeConfig')).toEqual([[{ content: config }]]);
    expect(await within(section).findByRole('article', { name: 'filesystem' })).toBeTruthy();
  });

  it('reads a chosen file', async () => {
    const { user, section } = await show();
    await user.click(within(section).getByRole('button', { name: 'Import from Claude desktop config' }));
    const form = within(section).getByRole('form', { name: 'Import from Claude desktop config' });
    await user.upload(within(form).getByLabelText('Config file'), new File(['{"mcpServers":{}}'], 'claude_desktop_config.json', { type: 'application/json' }));
    await expect.poll(() => (within(form).getByLabelText('Config (JSON)') as HTMLTextAreaElement).value).toBe('{"mcpServers":{}}');
  });
});
