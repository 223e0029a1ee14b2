import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChatGptImportError, chatgptToConversations } from '../../../../main/export/chatgptImport';
import { conversationToMarkdown } from '../../../../main/export/markdownExport';
import { markdownToConversation } from '../../../../main/export/markdownImport';
import { openStore } from '../history/support/openStore';
import { useTempDir } from '../history/support/tempHistory';

const tempDir = useTempDir();

const fixture = readFileSync(new URL('../../../fixtures/export/chatgpt-conversations.json', import.meta.url), 'utf8');

describe('ChatGPT import', () => {
  const { conversations, report } = chatgptToConversations(fixture);
  const [kyoto, greeting] = conversations;

  it('keeps the main branch: the edited question, the current answer, the answer after the tool call', () => {
    expect(kyoto?.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'Plan 3 days in Kyoto, please.'],
      ['assistant', '**Day 1:** Fushimi Inari.\n\n```\nearly start\n```\n\n**Day 2:** Arashiyama.\n**Day 3:** Gion.'],
      ['user', 'What about Nara (奈良)? Is a day trip enough?'],
      ['assistant', 'A full day: Tōdai-ji 東大寺, the deer park 🦌 and Kasuga Taisha.'],
      ['user', 'Which temple is this?\n\n[Attached: IMG_2041.jpeg (image/jpeg, 240 KB)]'],
      ['assistant', 'That is **Kinkaku-ji** (金閣寺), the Golden Pavilion.'],
    ]);
    expect(kyoto?.messages[3]?.versions?.map((v) => v.content)).toEqual(['Yes, half a day is enough.']);

  });

  it('keeps titles, times (seconds to milliseconds), ids and models', () => {
    expect(kyoto).toMatchObject({ id: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f', title: 'Trip to Kyoto 🗾', model: 'gpt-4o', createdAt: 1732600000123, updatedAt: 1732600900623, endpoint: '', params: {} });
    expect(kyoto?.messages[0]).toMatchObject({ id: 'aaa21f6e-0b3d-4c5a-9e7f-1a2b3c4d5e01', createdAt: 1732600001373, status: 'complete' });
    expect(greeting).toMatchObject({ title: 'مرحبا — a greeting', model: 'o3', createdAt: 1733000000500, updatedAt: 1733000030750 });
  });

  it('takes a visible system message as the system prompt and thoughts as reasoning', () => {
    expect(kyoto?.systemPrompt).toBe('');
    expect(greeting?.systemPrompt).toBe('You are a concise assistant who answers in the language of the question.');
    expect(greeting?.messages.map((m) => [m.role, m.content, m.reasoning, m.status])).toEqual([
      ['user', 'كيف حالك؟ שלום!', '', 'complete'],
      ['assistant', 'بخير، شكرًا! 😊', 'Greeting\nThe user greets in Arabic and Hebrew.', 'stopped'],
    ]);
  });

  it('reports by conversation, by title, what it left out and why', () => {
    expect(report.imported).toEqual([
      {
        id: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
        title: 'Trip to Kyoto 🗾',
        notes: [
          '1 attached file (“IMG_2041.jpeg”) was not imported: conversations.json names it but does not hold its contents.',
          '1 tool call (web) and its result was not imported.',
        ],
      },
      { id: '2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6a7b', title: 'مرحبا — a greeting' },
    ]);
    expect(report.skipped).toEqual([
      { source: '"New chat"', reason: 'it has no messages with text.' },
      { source: '"Broken links"', reason: 'its messages do not link up from current_node to the first one.' },
    ]);
    // The edited question's earlier wording is kept as its other version, with the answer it had.
    expect(kyoto?.messages[2]?.versions?.map((v) => [v.content, v.continuation?.map((m) => [m.role, m.content])])).toEqual([['What about Osaka?', [['assistant', 'Osaka is 15 minutes away by Shinkansen.']]]]);
  });

  it('gives conversations that export to Markdown and back exactly', () => {
    for (const c of conversations) expect(markdownToConversation(conversationToMarkdown(c))).toEqual(c);
  });

  it("stored, an edit's branch opens with the answer ChatGPT gave it, and the branch shown comes back", async () => {
    const { store } = await openStore(tempDir(), Date.now);
    expect(store.importConversations(conversations, 'skip')).toEqual([null, null]);
    const id = kyoto?.id as string;
    const shown = () => store.getConversation(id)?.messages.map((m) => m.content);
    const main = shown();
    const osaka = store.getConversation(id)?.messages[2]?.versions?.[0]?.id as string;
    store.showBranch(id, osaka);
    expect(shown()).toEqual(['Plan 3 days in Kyoto, please.', kyoto?.messages[1]?.content, 'What about Osaka?', 'Osaka is 15 minutes away by Shinkansen.']);
    store.showBranch(id, kyoto?.messages[2]?.id as string);
    expect(shown()).toEqual(main);
    store.close();
  });

  it('refuses a file that is not a ChatGPT export', () => {
    expect(() => chatgptToConversations('{"conversations": []}')).toThrow(ChatGptImportError);
    expect(() => chatgptToConversations('not json')).toThrow(/^This is not a ChatGPT export: it is not valid JSON/);
  });
});
