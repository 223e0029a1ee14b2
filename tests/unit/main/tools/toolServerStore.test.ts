/**
 * Settings › Tools as stored: real conf files in a temp folder and the memory cipher (real
 * AES-GCM). What the page may see of a server's secrets, what is on disk, what survives a restart,
 * and the Claude desktop import (a config in the shape people have, see the fixture).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../main/appFailure';
import type { Cipher } from '../../../../main/secrets/cipher';
import { createMemoryCipher } from '../../../../main/secrets/memoryCipher';
import { createConfStore } from '../../../../main/settings/createConfStore';
import { createToolServers } from '../../../../main/tools/toolServers';
import { createToolServerStore, type ToolServerStore } from '../../../../main/tools/toolServerStore';
import { createToolsService, type ToolsService } from '../../../../main/tools/toolsService';

const TOKEN = 'github_pat_11ABCDEFG0123456789_abcdefghijklmnop';
const CLAUDE_CONFIG = readFileSync(new URL('../../../fixtures/tools/claude_desktop_config.json', import.meta.url), 'utf8');

let dataDir: string;
let cipher: Cipher;

/** The store and service as the app opens them; called again, it is a restart on the same files. */
function open(): { store: ToolServerStore; tools: ToolsService } {
  const store = createToolServerStore({ store: createConfStore(dataDir, 'config').store, secretsStore: createConfStore(dataDir, 'secrets').store, cipher });
  return { store, tools: createToolsService(store, createToolServers({ launchConfig: (id) => store.launchConfig(id) })) };
}

const filesText = (): string => readdirSync(dataDir).map((name) => readFileSync(join(dataDir, name), 'utf8')).join('\n');

async function failureOf(run: () => Promise<unknown>): Promise<AppFailure> {
  const error = await run().then(() => null, (thrown: unknown) => thrown);
  if (error instanceof AppFailure) return error;
  throw new Error('expected an AppFailure');
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'parley-tools-'));
  cipher = createMemoryCipher();
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('tool servers', () => {
  it('keeps a stdio server after a restart, its environment values encrypted and shown only as hints', async () => {
    const added = await open().tools.add({ name: 'GitHub', transport: 'stdio', command: 'npx', args: ['-y', 'server-github'], env: [{ name: 'GITHUB_TOKEN', value: TOKEN }, { name: 'DEBUG', value: '1' }] });
    expect(added).toMatchObject({
      name: 'GitHub',
      transport: 'stdio',
      command: 'npx',
      args: ['-y', 'server-github'],
      env: [{ name: 'GITHUB_TOKEN', hint: 'mnop' }, { name: 'DEBUG', hint: null }],
      state: { status: 'stopped' },
      tools: [],
    });

    const restarted = open();
    expect(JSON.stringify(await restarted.tools.list())).not.toContain(TOKEN);
    expect(filesText()).not.toContain(TOKEN);
    expect(filesText()).toContain('GITHUB_TOKEN');
    expect(await restarted.store.launchConfig(added.id)).toMatchObject({ env: { GITHUB_TOKEN: TOKEN, DEBUG: '1' } });
  });

  it('keeps a secret the form sent without a value, replaces one sent with a value, and drops one left out', async () => {
    const { tools, store } = open();
    const added = await tools.add({ name: 'Remote', transport: 'http', url: 'https://mcp.example.com/mcp', headers: [{ name: 'Authorization', value: `Bearer ${TOKEN}` }, { name: 'X-Team', value: 'blue' }] });
    await tools.update(added.id, { name: 'Remote', transport: 'http', url: 'https://mcp.example.com/v2/mcp', headers: [{ name: 'Authorization' }, { name: 'X-Region', value: 'eu' }] });

    expect(await store.launchConfig(added.id)).toEqual({
      id: added.id,
      name: 'Remote',
      transport: 'http',
      url: 'https://mcp.example.com/v2/mcp',
      headers: { Authorization: `Bearer ${TOKEN}`, 'X-Region': 'eu' },
    });
    const missing = await failureOf(() => tools.update(added.id, { name: 'Remote', transport: 'http', url: 'https://mcp.example.com/mcp', headers: [{ name: 'X-New' }] }));
    expect(missing.message).toBe('“X-New” has no value. Enter one.');
  });

  it('refuses a second server with the same name, and forgets a removed one with its secrets', async () => {
    const { tools } = open();
    const added = await tools.add({ name: 'Files', transport: 'stdio', command: 'npx', args: [], env: [{ name: 'TOKEN', value: TOKEN }] });
    expect((await failureOf(() => tools.add({ name: 'files', transport: 'http', url: 'http://127.0.0.1:1/mcp', headers: [] }))).message).toContain('already exists');
    expect(await tools.remove(added.id)).toEqual({ removed: true });
    expect(await tools.list()).toEqual([]);
    expect(filesText()).not.toContain(added.id);
  });

  it('asks before keeping secrets without a keyring, as for API keys', async () => {
    cipher = { ...createMemoryCipher(), backend: 'basic_text', isSecure: false };
    const { tools } = open();
    const fields = { name: 'GitHub', transport: 'stdio' as const, command: 'npx', args: [], env: [{ name: 'GITHUB_TOKEN', value: TOKEN }] };
    expect((await failureOf(() => tools.add(fields))).appError.code).toBe('insecure-storage');
    expect(await tools.list()).toEqual([]);
    expect(await tools.add(fields, true)).toMatchObject({ env: [{ name: 'GITHUB_TOKEN', hint: 'mnop' }] });
  });
});

describe('import from Claude desktop config', () => {
  it('adds the stdio and Streamable HTTP entries and skips the others with their reasons', async () => {
    const { tools, store } = open();
    const report = await tools.importClaudeConfig(CLAUDE_CONFIG);

    expect(report.added.map((server) => [server.name, server.transport])).toEqual([
      ['filesystem', 'stdio'],
      ['github', 'stdio'],
      ['falcon-mcp-remote', 'http'],
      ['todos', 'http'],
    ]);
    expect(report.added[0]).toMatchObject({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/username/Desktop', '/Users/username/Downloads'] });
    expect(report.skipped).toEqual([
      { name: 'legacy-sse', reason: expect.stringContaining('SSE transport') },
      { name: 'no-command', reason: 'it has neither a command nor a url' },
    ]);
    const github = report.added[1];
    expect(github && (await store.launchConfig(github.id))).toMatchObject({ env: { GITHUB_PERSONAL_ACCESS_TOKEN: TOKEN } });
    expect(JSON.stringify(report)).not.toContain(TOKEN);
    expect(filesText()).not.toContain(TOKEN);
  });

  it('skips entries whose names are taken when imported again', async () => {
    const { tools } = open();
    await tools.importClaudeConfig(CLAUDE_CONFIG);
    const again = await tools.importClaudeConfig(CLAUDE_CONFIG);
    expect(again.added).toEqual([]);
    expect(again.skipped.find((entry) => entry.name === 'github')?.reason).toContain('already exists');
    expect(await tools.list()).toHaveLength(4);
  });

  it.each([
    ['not JSON', '{"mcpServers": {', 'this is not valid JSON'],
    ['JSON without mcpServers', '{"servers": []}', 'no "mcpServers" object'],
    ['an array', '[1, 2]', 'no "mcpServers" object'],
  ])('changes nothing for %s and says why', async (_, content, reason) => {
    const { tools } = open();
    const failure = await failureOf(() => tools.importClaudeConfig(content));
    expect(failure.message).toContain('Nothing was imported');
    expect(failure.message).toContain(reason);
    expect(await tools.list()).toEqual([]);
  });
});
