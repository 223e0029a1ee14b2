/**
 * Search in the window, on a history imported from Parley Markdown exports: many conversations
 * share words, one answer is long. One row per conversation with its count; the keyboard moves
 * from the search field through the results; a result opens at its message with the match
 * marked (CSS Custom Highlight API) and in view, even deep inside a long answer.
 */
import type { Page } from '@playwright/test';
import { conversationToMarkdown } from '../../main/export/markdownExport';
import type { ExportMessage, ExportToolCall } from '../../main/export/types';
import { expect, test } from './support/fixtures';
import { dataAction, sidebar } from './support/screens';
import { highlighted, searchbox, searchResults as results } from './support/searchMarks';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
let ids = 0;

/** A conversation as an exported file; `toolCalls` go with its first answer. */
function exported(title: string, turns: [string, string][], at: number, toolCalls?: ExportToolCall[]): { name: string; mimeType: string; buffer: Buffer } {
  const id = uuid(++ids);
  const messages: ExportMessage[] = turns.flatMap(([question, answer], turn) => {
    const base = { reasoning: '', status: 'complete' as const, error: null, model: 'fake/echo', finishReason: null, firstTokenMs: null, thinkingMs: null, durationMs: null, usage: null, createdAt: at + turn * 2 };
    const calls = turn === 0 && toolCalls ? { toolCalls } : {};
    return [
      { ...base, id: uuid(++ids), role: 'user' as const, content: question },
      { ...base, id: uuid(++ids), role: 'assistant' as const, content: answer, createdAt: base.createdAt + 1, ...calls },
    ];
  });
  const markdown = conversationToMarkdown({ id, title, model: 'fake/echo', endpoint: '', systemPrompt: '', params: {}, pinned: false, createdAt: at, updatedAt: at + 100, messages });
  return { name: `${title}.md`, mimeType: 'text/markdown', buffer: Buffer.from(markdown) };
}

/** Where the rare word sits in the long answer: in its middle, far from both ends a window shows first. */
const DEEP_WORD = 'zeppelin';
const DEEP_PARAGRAPH = 30;
/** How the long answer ends: its last words. */
const LAST_WORDS = 'That is the whole story of the airships.';

/** A 120k-character answer: 60 headed sections of about 2,000 characters, too long to render whole at once. */
function longAnswer(): string {
  const sections = Array.from({ length: 60 }, (_, n) => {
    const opening = n === DEEP_PARAGRAPH ? `Paragraph ${n}: the ${DEEP_WORD} floated over the city.` : `Paragraph ${n}: more about airships.`;
    return `## Airship ${n}\n\n${opening} ${'More about airships and their history. '.repeat(50)}`;
  });
  return `${sections.join('\n\n')}\n\n${LAST_WORDS}`;
}

function history() {
  const day = Date.UTC(2026, 2, 1);
  return [
    exported('Kubernetes pods keep restarting', [['Tell me about CrashLoopBackOff.', 'Check the pod logs; kubernetes restarts a failing container.'], ['And kubernetes probes?', 'Liveness probes restart it.']], day),
    exported('Sourdough starter', [['Tell me about feeding a starter.', 'Feed it daily with flour and water.']], day + 86_400_000),
    exported('Ingress with TLS', [['Tell me about ingress.', 'A kubernetes Ingress routes HTTP to services.']], day + 2 * 86_400_000),
    exported('Marathon plan', [['Tell me about long runs.', 'Build up slowly.']], day + 3 * 86_400_000),
    exported('Airships', [['Tell me about airships.', longAnswer()]], day + 4 * 86_400_000),
  ];
}

async function importHistory(page: Page, files = history()): Promise<void> {
  await dataAction(page, 'Import');
  const dialog = page.getByRole('dialog', { name: 'Import conversations' });
  await dialog.getByLabel('Files to import').setInputFiles(files);
  await expect(dialog).toContainText(`Imported ${files.length} conversation`);
  await dialog.getByRole('button', { name: 'Close' }).click();
}

const log = (page: Page) => page.getByRole('log', { name: 'Conversation' });

test('one row per conversation, with its count; the keyboard moves through them and opens one at its match', async ({ chat }) => {
  await importHistory(chat);
  await searchbox(chat).fill('kubernetes');
  const rows = results(chat).getByRole('button');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveAccessibleName(/^Kubernetes pods keep restarting/);
  await expect(rows.first()).toHaveAccessibleDescription(/^2 matches · /);
  await expect(rows.nth(1)).toHaveAccessibleDescription(/^1 match · /);

  await searchbox(chat).press('ArrowDown');
  await expect(rows.first()).toBeFocused();
  await chat.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await chat.keyboard.press('Escape');
  await expect(searchbox(chat)).toBeFocused();
  await expect(searchbox(chat)).toHaveValue('kubernetes');

  await searchbox(chat).press('Enter');
  await expect(chat.getByRole('heading', { level: 1 })).toHaveText('Kubernetes pods keep restarting');
  const target = log(chat).getByRole('article').filter({ hasText: 'And kubernetes probes?' });
  await expect(target).toBeFocused();
  await expect.poll(() => highlighted(chat)).toEqual({ texts: ['kubernetes'], firstInView: true });

  // Every row's snippet comes from its own conversation: "tell me about" is in all five.
  await searchbox(chat).fill('tell me about');
  await expect(rows).toHaveCount(5);
  for (const title of ['Kubernetes pods keep restarting', 'Sourdough starter', 'Ingress with TLS', 'Marathon plan', 'Airships']) {
    await expect(results(chat).getByRole('button', { name: new RegExp(`^${title}`) })).toHaveCount(1);
  }
  await expect(results(chat).getByRole('button', { name: /^Sourdough starter Tell me about feeding a starter\.$/ })).toHaveCount(1);
});

test('a match deep inside a long answer is scrolled into view and marked', async ({ chat }) => {
  await importHistory(chat);
  await searchbox(chat).fill(DEEP_WORD);
  await expect(results(chat).getByRole('button')).toHaveCount(1);
  await searchbox(chat).press('Enter');
  await expect(chat.getByRole('heading', { level: 1 })).toHaveText('Airships');
  await expect.poll(() => highlighted(chat)).toEqual({ texts: [DEEP_WORD], firstInView: true });
  await expect(log(chat).getByText(`Paragraph ${DEEP_PARAGRAPH}: the ${DEEP_WORD}`)).toBeInViewport();
});

test('a 120k-character answer opens at its last words, holds all its text once idle, and reaches its start and end by keyboard', async ({ chat }) => {
  await importHistory(chat);
  await sidebar(chat).getByRole('list', { name: 'Conversations' }).getByRole('button', { name: 'Airships', exact: true }).click();
  await expect(log(chat).getByText(LAST_WORDS)).toBeInViewport();

  // The middle, not on screen when it opened, comes into the page for find-in-page and screen readers.
  await expect(log(chat).getByRole('heading', { level: 2, name: /^Airship \d+$/ })).toHaveCount(60);
  await expect(log(chat).getByText(`Paragraph ${DEEP_PARAGRAPH}: the ${DEEP_WORD}`)).toHaveCount(1);

  await log(chat).focus();
  await chat.keyboard.press('Home');
  await expect(log(chat).getByRole('heading', { name: 'Airship 0', exact: true })).toBeInViewport();
  await chat.keyboard.press('End');
  await expect(log(chat).getByText(LAST_WORDS)).toBeInViewport();
});

/** A word only in what a tool returned: not in any text of the conversation. */
const TOOL_WORD = 'quokka';

test('a match inside a tool call opens the call and is marked', async ({ chat }) => {
  const call: ExportToolCall = {
    id: uuid(900), round: 1, contentOffset: 0, serverId: 'zoo', serverName: 'Zoo', tool: 'lookup', arguments: '{"animal":"marsupial"}', status: 'complete',
    decision: 'once', resultText: `Found: the ${TOOL_WORD} lives on Rottnest Island.`, resultImages: [], error: null, startedAt: Date.UTC(2026, 2, 9), durationMs: 120,
  };
  await importHistory(chat, [exported('Small marsupials', [['Which small marsupial smiles?', 'The lookup answered it.']], Date.UTC(2026, 2, 9), [call])]);
  await searchbox(chat).fill(TOOL_WORD);
  await expect(results(chat).getByRole('button')).toHaveCount(1);
  await searchbox(chat).press('Enter');
  await expect(chat.getByRole('heading', { level: 1 })).toHaveText('Small marsupials');
  await expect(log(chat).getByRole('button', { name: /^Used lookup on Zoo/ })).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(() => highlighted(chat)).toEqual({ texts: [TOOL_WORD], firstInView: true });
});
