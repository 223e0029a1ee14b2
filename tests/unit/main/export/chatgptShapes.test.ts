/**
 * The ChatGPT importer on each shape the export has had (see tests/fixtures/export/chatgptExport.ts
 * for where each comes from): every text a person saw comes through byte for byte, nothing is
 * merged across a question, and what cannot come along is named for its conversation.
 */
import { describe, expect, it } from 'vitest';
import { chatgptToConversations } from '../../../../main/export/chatgptImport';
import { conversationToMarkdown } from '../../../../main/export/markdownExport';
import { markdownToConversation } from '../../../../main/export/markdownImport';
import type { ExportConversation } from '../../../../main/export/types';
import { CANVAS_SCRIPT, CHATGPT_EXPORT_2023_2025 } from '../../../../bench/fixtures/chatgptExport';

const { conversations, report } = chatgptToConversations(JSON.stringify(CHATGPT_EXPORT_2023_2025));
const named = (title: string): ExportConversation => {
  const found = conversations.find((c) => c.title === title);
  if (!found) throw new Error(`no conversation "${title}"`);
  return found;
};
const turns = (title: string) => named(title).messages.map((m) => [m.role, m.content]);
const notesOf = (title: string) => report.imported.find((item) => item.title === title)?.notes;

describe('ChatGPT exports, 2023 to 2025', () => {
  it('2023: keeps the shown branch, the regenerated answer, and the earlier wording as a version with the answer it had', () => {
    const c = named('Sourdough starter');
    expect(turns('Sourdough starter')).toEqual([
      ['user', 'How do I feed a sourdough starter?'],
      ['assistant', 'Discard half, then add equal weights of flour and water.\n\n1. Stir\n2. Cover loosely'],
      ['user', 'How often should I feed it at room temperature?'],
      ['assistant', 'Every 12 hours at about 24 °C.'],
    ]);
    expect(c.messages[1]?.versions?.map((v) => v.content)).toEqual(['Feed it flour.']);
    expect(c.messages[2]?.versions?.map((v) => [v.content, v.continuation?.map((m) => [m.role, m.content])])).toEqual([['How often?', [['assistant', 'Daily.']]]]);
    expect(c).toMatchObject({ model: 'text-davinci-002-render-sha', createdAt: 1684152000123, updatedAt: 1684153000654 });
    expect(notesOf('Sourdough starter')).toBeUndefined();
  });

  it('2024: an image alone and a file alone stay turns of their own, saying what was attached; 【】 marks become links', () => {
    expect(turns('Paris trip')).toEqual([
      ['user', '[Attached: louvre.jpg (image/jpeg, 240 KB)]'],
      ['assistant', 'That is the Louvre pyramid.'],
      ['user', '[Attached: itinerary.pdf (application/pdf, 1.5 MB)]'],
      ['assistant', 'Your itinerary covers four days.'],
      ['user', 'How tall is the Eiffel Tower?'],
      [
        'assistant',
        'The Eiffel Tower is 330 m tall ([Eiffel Tower - Wikipedia](https://en.wikipedia.org/wiki/Eiffel_Tower)) and was finished in 1889 ([History of the tower](https://www.toureiffel.paris/en/the-monument/history)).',
      ],
      ['user', 'Draw it at sunset.'],
      ['assistant', '[Generated image]\n\nHere is the tower at sunset.'],
    ]);
    expect(notesOf('Paris trip')).toEqual([
      '2 attached files (“louvre.jpg”, “itinerary.pdf”) were not imported: conversations.json names them but does not hold their contents.',
      '1 generated image was not imported: conversations.json does not hold it.',
      '2 tool calls (browser, dalle.text2im) and their results were not imported.',
    ]);
  });

  it('2025 thinking: hidden request nodes skipped, thoughts and thinking time kept, the regeneration at the question kept as a version', () => {
    const [question, answer] = named('Knock sensor wire').messages;
    expect(question?.content).toBe('What does this single wire plug into?');
    expect(answer).toMatchObject({
      content: 'That is the **knock sensor lead**; the sensor sits under the upper intake.',
      reasoning: 'Reading the photo\nA single shielded wire near the intake.',
      thinkingMs: 226_000,
      model: 'gpt-5-thinking',
      status: 'complete',
      finishReason: 'stop',
    });
    expect(answer?.versions).toEqual([expect.objectContaining({ content: 'Probably a ground strap.', thinkingMs: 12_000 })]);
    expect(notesOf('Knock sensor wire')).toEqual(['1 tool call (python) and its result was not imported.']);
  });

  it('2025 voice: transcripts are the turns, a silent question stays a turn, and the report says so once', () => {
    expect(turns('Fuel rail hose')).toEqual([
      ['user', "What's the hose that goes between both fuel rails?"],
      ['assistant', 'That is the fuel rail crossover hose.'],
      ['user', '[Voice message without a transcript]'],
      ['assistant', 'Go get a clamp for it.'],
      ['user', 'Thanks!'],
      ['assistant', 'Any time.'],
    ]);
    expect(notesOf('Fuel rail hose')).toEqual(['The voice recordings were not imported; their transcripts were.']);
  });

  it('2025 web search: private-use marks become links to their pages, an unknown one is removed and counted', () => {
    expect(named('Search history').messages[1]?.content).toBe(
      'I only see what you type here. ([OpenAI Help Center](https://help.openai.com/en/articles/10408842?utm_source=chatgpt.com))\n\n' +
        'Shared chats once showed up in Google. ([Ars Technica](https://arstechnica.com/tech-policy/2025/08/chats-in-google/), [Windows Central](https://www.windowscentral.com/chatgpt-google))\n\n' +
        'An old link  and OpenAI run the service.',
    );
    expect(JSON.stringify(named('Search history'))).not.toMatch(/[\ue200-\ue202]/);
    expect(notesOf('Search history')).toEqual(['1 tool call (web) and its result was not imported.', '1 citation mark whose source is not in the file was removed.']);
  });

  it('2025 canvas: the document is in the answer as a named block, after each edit as it then stood', () => {
    const answers = named('Greeting script').messages.filter((m) => m.role === 'assistant').map((m) => m.content);
    expect(answers).toEqual([
      `**Canvas: greet.py**\n\n\`\`\`\`python\n${CANVAS_SCRIPT}\n\`\`\`\`\n\nI put the script in the canvas.`,
      `**Canvas: greet.py (edited)**\n\n\`\`\`\`python\n${CANVAS_SCRIPT.replace('Hello', 'Hi')}\n\`\`\`\`\n\nDone.`,
      '**Canvas: greet.py (edited)**\n\n```python\nprint("Hi")\n```\n\nRewritten, with a comment.',
    ]);
    expect(notesOf('Greeting script')).toEqual(['1 canvas edit to “greet.py” could not be applied; the document is shown as it was before.', '1 canvas comment was not imported.']);
  });

  it('imports everything, and what it made exports to Markdown and back exactly', () => {
    expect(report.skipped).toEqual([]);
    expect(report.imported.map((item) => item.title)).toEqual(['Sourdough starter', 'Paris trip', 'Knock sensor wire', 'Fuel rail hose', 'Search history', 'Greeting script']);
    for (const c of conversations) expect(markdownToConversation(conversationToMarkdown(c))).toEqual(c);
  });

  it('gives the same ids on a second import, so "skip" finds them', () => {
    expect(chatgptToConversations(JSON.stringify(CHATGPT_EXPORT_2023_2025)).conversations).toEqual(conversations);
  });
});
