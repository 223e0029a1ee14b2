/**
 * Back up on one Parley, restore on another (web mode for real, each with its own data folder
 * and fake W&B server, plus a fake local server both can reach): the endpoints come back
 * (never their keys) and each conversation goes to its own endpoint, never another; attachment
 * records stay when their files do not come along; settings are offered, not applied unasked.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyApi } from '../../../../shared/ipc/client';
import type { ChatMessage, ImportReport } from '../../../../shared/ipc';
import type { Backup } from '../../../../main/export/backup';
import { startFakeInferenceServer, type FakeInferenceServer } from '../../../fixtures/fakeInferenceServer';
import { startWebModeHarness, type WebModeHarness } from '../../support/webModeHarness';
import { webModeApi } from './webModeApi';

const LAB_KEY = 'sk-lab-endpoint-0f1e2d3c4b5a';
const WANDB_KEY = 'wandb-key-source-9a8b7c6d5e4f';

let local: FakeInferenceServer;
let source: WebModeHarness;
let target: WebModeHarness;
let from: ParleyApi;
let to: ParleyApi;
const ids = { local: randomUUID(), lab: randomUUID(), wandb: randomUUID() };
let backupJson = '';
let report: ImportReport;

async function turn(api: ParleyApi, conversationId: string, messages: ChatMessage[]) {
  const history = { conversationId, answerId: randomUUID(), turn: { kind: 'new' as const, userMessageId: randomUUID() } };
  return api.chat({ model: 'fake/echo', systemPrompt: '', messages, history }, () => undefined).done;
}

beforeAll(async () => {
  local = await startFakeInferenceServer({ keyless: true });
  source = await startWebModeHarness({ envKey: null });
  from = await webModeApi(source);
  await from.saveKey({ key: WANDB_KEY });
  const localEndpoint = await from.addEndpoint({ name: 'Local', baseURL: local.baseURL, project: '' });
  // The same server, another project header and a key: a different endpoint that shares the URL.
  const lab = await from.addEndpoint({ name: 'Lab', baseURL: local.baseURL, project: 'lab', key: LAB_KEY });
  await from.createConversation({ id: ids.local, model: 'fake/echo', systemPrompt: '', endpointId: localEndpoint.id });
  const notes = await from.addAttachment({ name: 'notes.txt', base64: Buffer.from('Remember the milk.').toString('base64') });
  expect((await turn(from, ids.local, [{ role: 'user', content: 'Read my notes', attachments: [notes] }])).error).toBeNull();
  await from.createConversation({ id: ids.lab, model: 'fake/echo', systemPrompt: '', endpointId: lab.id });
  await turn(from, ids.lab, [{ role: 'user', content: 'Hello lab' }]);
  await from.createConversation({ id: ids.wandb, model: 'fake/echo', systemPrompt: '' });
  await turn(from, ids.wandb, [{ role: 'user', content: 'Hello W&B' }]);
  await from.updateSettings({ theme: 'dark', project: 'my-team/chat', favouriteModels: ['fake/echo'], defaultParams: { temperature: 0.4 }, defaultEndpointId: lab.id });
  backupJson = (await from.backUp()).download?.content ?? '';

  target = await startWebModeHarness();
  to = await webModeApi(target);
  report = await to.importFiles({ files: [{ name: 'Parley backup.json', content: backupJson }], duplicates: 'skip' });
}, 60_000);
afterAll(async () => {
  await source.close();
  await target.close();
  await local.close();
});

describe('a backup restored on another Parley', () => {
  it('holds every endpoint, with its base URL and project, and never a key', () => {
    const backup = JSON.parse(backupJson) as Backup;
    expect(backup.endpoints.map(({ name, baseURL, project, builtIn }) => ({ name, baseURL, project, builtIn }))).toEqual([
      { name: 'W&B Inference', baseURL: source.fake.baseURL, project: 'my-team/chat', builtIn: true },
      { name: 'Local', baseURL: local.baseURL, project: '', builtIn: false },
      { name: 'Lab', baseURL: local.baseURL, project: 'lab', builtIn: false },
    ]);
    expect(backupJson).not.toContain(LAB_KEY);
    expect(backupJson).not.toContain(WANDB_KEY);
  });

  it('puts the endpoints back, without keys, and says so', async () => {
    const endpoints = await to.listEndpoints();
    expect(endpoints.map(({ name, baseURL, project, key }) => ({ name, baseURL, project, hasKey: key.hasKey }))).toEqual([
      { name: 'W&B Inference', baseURL: target.fake.baseURL, project: '', hasKey: true },
      { name: 'Local', baseURL: local.baseURL, project: '', hasKey: false },
      { name: 'Lab', baseURL: local.baseURL, project: 'lab', hasKey: false },
    ]);
    expect(report.notes).toContainEqual(expect.stringMatching(/added the endpoints “Local”, “Lab”, without keys/));
    expect(report.imported).toHaveLength(3);
  });

  it('sends each conversation to its own endpoint only: the W&B server hears nothing of the local ones', async () => {
    const endpoints = await to.listEndpoints();
    const idOf = (name: string) => endpoints.find((endpoint) => endpoint.name === name)?.id;
    expect((await to.getConversation({ id: ids.local })).endpoint).toBe(idOf('Local'));
    expect((await to.getConversation({ id: ids.lab })).endpoint).toBe(idOf('Lab'));

    const wandbBefore = target.fake.requests.length;
    const localBefore = local.requests.length;
    const answer = await turn(to, ids.lab, [
      { role: 'user', content: 'Hello lab' },
      { role: 'assistant', content: 'You said: Hello lab' },
      { role: 'user', content: 'Still there?' },
    ]);
    expect(answer.error).toBeNull();
    const sent = local.requests.slice(localBefore);
    expect(sent.map((request) => request.headers['openai-project'])).toEqual(['lab']);
    expect(target.fake.requests.length).toBe(wandbBefore);
  });

  it('never falls back to another endpoint when a conversation’s own is missing: it asks instead', async () => {
    const localEndpoint = (await to.listEndpoints()).find((endpoint) => endpoint.name === 'Local');
    await to.removeEndpoint({ id: localEndpoint?.id ?? '' });
    const wandbBefore = target.fake.requests.length;
    const localBefore = local.requests.length;
    const answer = await turn(to, ids.local, [{ role: 'user', content: 'Where does this go?' }]);
    expect(answer.error).toMatchObject({ code: 'endpoint-missing', message: expect.stringMatching(/^The endpoint this conversation was held with is not set up in Parley, so nothing was sent\. Choose an endpoint/) });
    expect(target.fake.requests.length).toBe(wandbBefore);
    expect(local.requests.length).toBe(localBefore);
  });

  it('keeps attachment records whose files did not come along, and shows them as missing', async () => {
    const question = (await to.getConversation({ id: ids.local })).messages[0];
    expect(question?.attachments?.map((attachment) => attachment.name)).toEqual(['notes.txt']);
    expect(question?.missingAttachments).toEqual([question?.attachments?.[0]?.file]);
    expect(report.notes).toContainEqual(expect.stringMatching(/^One attached file is not in this data folder .*show them as missing\.$/));
  });

  it('offers the settings (never keys) without applying them, and applies them when asked', async () => {
    const lab = (await to.listEndpoints()).find((endpoint) => endpoint.name === 'Lab');
    expect(report.settings?.source).toBe('Parley backup.json');
    expect(report.settings?.settings).toMatchObject({
      theme: 'dark',
      project: 'my-team/chat',
      favouriteModels: ['fake/echo'],
      defaultParams: { temperature: 0.4 },
      defaultEndpointId: lab?.id,
    });
    expect(JSON.stringify(report.settings)).not.toMatch(/key/i);
    expect((await to.getSettings()).theme).toBe('system');

    const applied = await to.updateSettings(report.settings?.settings ?? {});
    expect(applied).toMatchObject({ theme: 'dark', project: 'my-team/chat', defaultEndpointId: lab?.id });
  });
});
