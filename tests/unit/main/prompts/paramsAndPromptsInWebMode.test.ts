/**
 * Parameters and prompts through the real bridge, services, SQLite and settings file (web mode):
 * a conversation keeps its parameters, each message the ones it was sent with; the backup carries
 * the prompt library and importing it brings the library back.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParleyApi } from '../../../../shared/ipc/client';
import type { ChatParams, StoredMessage } from '../../../../shared/ipc';
import { startWebModeHarness, type WebModeHarness } from '../../support/webModeHarness';
import { webModeApi } from '../export/webModeApi';

const harnesses: WebModeHarness[] = [];
async function freshApp(): Promise<{ harness: WebModeHarness; api: ParleyApi }> {
  const harness = await startWebModeHarness();
  harnesses.push(harness);
  return { harness, api: await webModeApi(harness) };
}
afterAll(async () => {
  for (const harness of harnesses) await harness.close();
});

const paramsOf = (message: StoredMessage | undefined) => (message as (StoredMessage & { params: ChatParams }) | undefined)?.params;

describe('parameters in history', () => {
  it('the conversation keeps its parameters and each message the ones it was sent with', async () => {
    const { api } = await freshApp();
    const id = randomUUID();
    await api.createConversation({ id, model: 'fake/echo', systemPrompt: '', params: { temperature: 0.4 } });
    expect((await api.getConversation({ id })).params).toEqual({ temperature: 0.4 });

    const turn = async (content: string, params: ChatParams, earlier: { role: 'user' | 'assistant'; content: string }[] = []) => {
      const history = { conversationId: id, answerId: randomUUID(), turn: { kind: 'new' as const, userMessageId: randomUUID() } };
      const result = await api.chat({ model: 'fake/echo', systemPrompt: '', messages: [...earlier, { role: 'user', content }], history, params }, () => undefined).done;
      expect(result.status).toBe('complete');
      return result.content;
    };
    const first = await turn('one', { temperature: 0.4, seed: 3 });
    await turn('two', { maxTokens: 50 }, [{ role: 'user', content: 'one' }, { role: 'assistant', content: first }]);

    const stored = await api.getConversation({ id });
    expect(stored.params).toEqual({ maxTokens: 50 });
    expect(stored.messages.map(paramsOf)).toEqual([{ temperature: 0.4, seed: 3 }, { temperature: 0.4, seed: 3 }, { maxTokens: 50 }, { maxTokens: 50 }]);

    await api.updateConversation({ id, patch: { params: { topP: 0.5 } } });
    expect((await api.getConversation({ id })).params).toEqual({ topP: 0.5 });
  });

  it('"Use for new chats" keeps the parameters in settings', async () => {
    const { api } = await freshApp();
    await api.updateSettings({ defaultParams: { temperature: 1.2, stop: ['END'] } });
    expect((await api.getSettings()).defaultParams).toEqual({ temperature: 1.2, stop: ['END'] });
    await expect(api.updateSettings({ defaultParams: { temperature: 5 } })).rejects.toMatchObject({ code: 'invalid-request' });
  });
});

describe('the prompt library in a backup', () => {
  it('is written to the backup and restored by importing it', async () => {
    const source = await freshApp();
    const id = randomUUID();
    await source.api.savePrompt({ id, name: 'Dated', text: 'Today is {{date}}.' });
    await source.api.setDefaultPrompt({ id });
    const backup = (await source.api.backUp()).download?.content ?? '';
    expect(JSON.parse(backup).prompts).toEqual([expect.objectContaining({ id, name: 'Dated', text: 'Today is {{date}}.', default: true })]);

    const target = await freshApp();
    const report = await target.api.importFiles({ files: [{ name: 'backup.json', content: backup }], duplicates: 'skip' });
    // Its settings are offered, never applied by an import.
    expect(report.skipped).toEqual([]);
    expect(report.settings?.source).toBe('backup.json');
    expect(await target.api.listPrompts()).toEqual({ prompts: [expect.objectContaining({ id, name: 'Dated', text: 'Today is {{date}}.' })], defaultId: id });
  });
});
