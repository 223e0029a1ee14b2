/**
 * The fault matrix: every way the server or the network can fail. For each the user reads a clear
 * sentence, keeps what had arrived (also after a reload, from history), can Retry once the cause
 * is gone, and can go on chatting.
 */
import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, lastAnswer, pickModel, send, test } from '../support/fixtures';
import { applySetting } from '../support/screens';

interface Fault {
  name: string;
  /** The model that fails this way; connection faults use fake/echo at a broken base URL. */
  model: string;
  /** A base URL that cannot work; Retry restores the fake server's. */
  brokenBaseURL?: () => Promise<string>;
  /** The sentence the user reads. */
  says: RegExp;
  /** How the callout is announced: an alert, or (a 429 counting down before it asks again by itself) a status. */
  announced?: 'alert' | 'status';
  /** Text of the answer that had arrived before the fault and must be kept. */
  keeps?: string;
}

/** A 127.0.0.1 port with nothing listening: taken, then freed. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

const FAULTS: Fault[] = [
  { name: '400', model: 'fake/error-400', says: /The model fake\/error-400 refused the parameter temperature: Unsupported parameter/ },
  { name: '401', model: 'fake/error-401', says: /API key was not accepted/ },
  { name: '402', model: 'fake/error-402', says: /credits are used up/ },
  { name: '403', model: 'fake/error-403', says: /not available from your country or region/ },
  { name: '404', model: 'fake/error-404', says: /model "fake\/error-404" is no longer available/ },
  { name: '422', model: 'fake/error-422', says: /The model fake\/error-422 refused the parameter top_p: Input should be less than or equal to 1/ },
  { name: '429', model: 'fake/error-429', says: /Too many requests are running at once/, announced: 'status' },
  { name: '500', model: 'fake/error-500', says: /server had an error \(500\)/ },
  { name: '503', model: 'fake/error-503', says: /service is overloaded/ },
  { name: 'connection refused', model: 'fake/echo', brokenBaseURL: closedPort, says: /refused the connection/ },
  { name: 'DNS failure', model: 'fake/echo', brokenBaseURL: async () => 'http://parley-fault.invalid/v1', says: /Could not find parley-fault\.invalid \(DNS lookup failed\)/ },
  { name: 'stall', model: 'fake/stall', says: /sent nothing for 2\.5 seconds/, keeps: 'This answer will never end' },
  { name: 'dropped mid-stream', model: 'fake/drop', says: /connection closed before the answer was finished/, keeps: 'Half an answer' },
  { name: 'malformed SSE', model: 'fake/malformed', says: /not in the OpenAI format/, keeps: 'Fine so far' },
];

async function setBaseURL(page: Page, url: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await applySetting(dialog, 'Base URL', url);
  await dialog.getByRole('button', { name: 'Close' }).click();
}

/** Reloads the page and opens the conversation from history (a failed first turn is named after the question). */
async function reopenFromHistory(page: Page, title: string | RegExp): Promise<void> {
  await page.reload();
  const list = page.getByRole('navigation', { name: 'Conversations' }).getByRole('list', { name: 'Conversations' });
  await list.getByRole('button', { name: title, exact: true }).first().click();
}

for (const fault of FAULTS) {
  test(`fault: ${fault.name} — a clear message, the partial answer stored, Retry works, the app goes on`, async ({ chat, fake }) => {
    const question = `fault ${fault.name}`;
    await pickModel(chat, fault.model);
    if (fault.brokenBaseURL) await setBaseURL(chat, await fault.brokenBaseURL());
    await send(chat, question);

    const callout = () => lastAnswer(chat).getByRole(fault.announced ?? 'alert');
    await expect(callout()).toContainText(fault.says, { timeout: 15_000 });
    if (fault.keeps) await expect(lastAnswer(chat)).toContainText(fault.keeps);

    await reopenFromHistory(chat, question);
    await expect(chat.getByRole('log', { name: 'Conversation' }).getByRole('article', { name: 'You' })).toContainText(question);
    await expect(callout()).toContainText(fault.says);
    if (fault.keeps) await expect(lastAnswer(chat)).toContainText(fault.keeps);

    if (fault.brokenBaseURL) await setBaseURL(chat, fake.baseURL);
    else await pickModel(chat, 'fake/echo');
    await chat.getByRole('button', { name: 'Retry' }).click();
    await expect(lastAnswer(chat)).toContainText(`You said: ${question}`);
    await expect(chat.getByRole('log', { name: 'Conversation' }).getByText(fault.says)).toHaveCount(0);

    await send(chat, 'still here?');
    await expect(lastAnswer(chat)).toContainText('You said: still here?');
  });
}

test('fault: an enormous answer (1 MB) arrives whole, is stored, and the app goes on', async ({ chat }) => {
  test.slow();
  await pickModel(chat, 'fake/huge');
  await send(chat, 'say a lot');
  const answer = lastAnswer(chat);
  await expect(answer).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
  await expect(answer.getByRole('alert')).toHaveCount(0);
  await expect(answer).toContainText('All work and no play');

  // The fake names it the way it answers everything: at length. Reopened, the part in view shows
  // first (the rest of a paragraph this long renders when the window is idle); Copy gives all of it.
  await reopenFromHistory(chat, /^All work and no play/);
  await expect(lastAnswer(chat)).toContainText('All work and no play');
  await chat.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await lastAnswer(chat).getByRole('button', { name: 'Copy' }).click();
  await expect(lastAnswer(chat).getByRole('button', { name: 'Copied' })).toBeVisible();
  expect((await chat.evaluate(() => navigator.clipboard.readText())).length).toBe(64 * 16_384);

  await pickModel(chat, 'fake/echo');
  await send(chat, 'and now briefly');
  await expect(lastAnswer(chat)).toContainText('You said: and now briefly');
});
