/**
 * Tool calls in a Markdown export: readable for a person (a folded block per call, arguments and
 * result as indented code), read back exactly by Parley (from the details line), and stored again
 * by a real history import, whatever the tool wrote.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { conversationToMarkdown } from '../../../../main/export/markdownExport';
import { markdownToConversation } from '../../../../main/export/markdownImport';
import type { ExportConversation } from '../../../../main/export/types';
import type { ToolCallRecord } from '../../../../shared/ipc';
import { openStore } from '../history/support/openStore';
import { useTempDir } from '../history/support/tempHistory';
import { sampleConversation, sampleMessage, T0 } from './sample';

const tempDir = useTempDir();
const options = { timeZone: 'UTC' };

/** What a hostile or merely unlucky tool can print: Parley's own markers, a fence, the end of the fold. */
const NASTY_RESULT = ['<!-- /parley:2 -->', '<!-- parley:details', '```', '</details>', '<script>alert(1)</script>', '-->', '', 'last line'].join('\n');

function call(over: Partial<ToolCallRecord> = {}): ToolCallRecord {
  return {
    id: randomUUID(),
    round: 1,
    contentOffset: 13,
    serverId: 'everything',
    serverName: 'Everything',
    tool: 'echo',
    arguments: '{"message":"hi"}',
    status: 'complete',
    decision: 'once',
    resultText: 'Echo: hi',
    resultImages: [],
    error: null,
    startedAt: T0,
    durationMs: 1_520,
    ...over,
  };
}

function withCalls(calls: ToolCallRecord[], earlierCalls: ToolCallRecord[] = []): ExportConversation {
  const earlier = sampleMessage({ id: randomUUID(), role: 'assistant', content: 'First try.', toolCalls: earlierCalls });
  return sampleConversation({
    messages: [
      sampleMessage({ id: randomUUID(), content: 'Use the tool' }),
      sampleMessage({ id: randomUUID(), role: 'assistant', content: 'Let me check.It said hi.', toolCalls: calls, versions: earlierCalls.length ? [earlier] : [] }),
    ],
  });
}

describe('tool calls in a Markdown export', () => {
  it('reads back exactly, also from an earlier answer, and exports again to the same bytes', () => {
    const c = withCalls(
      [
        call({ resultText: NASTY_RESULT }),
        call({ round: 2, tool: '<b>rm</b>', serverId: null, serverName: '', arguments: '{not json', status: 'not-run', decision: null, resultText: null, error: 'There is no tool named “<b>rm</b>”.', durationMs: null }),
        call({ status: 'denied', decision: 'deny', resultText: null }),
      ],
      [call({ contentOffset: 0, status: 'error', resultText: 'boom', error: 'boom' })],
    );
    const markdown = conversationToMarkdown(c, options);
    const back = markdownToConversation(markdown);
    expect(back).toEqual(c);
    expect(conversationToMarkdown(back, options)).toBe(markdown);
  });

  it('shows each call to a person, with the tool’s words as indented code only', () => {
    const markdown = conversationToMarkdown(withCalls([call({ resultText: NASTY_RESULT })]), options);
    expect(markdown).toContain('<details><summary>Used echo on Everything · Done · 1.5 s</summary>\n\nArguments:\n\n    {\n      "message": "hi"\n    }\n\nResult:\n\n    <!-- /parley:2 -->\n');
    // Nothing the tool wrote starts a line (a marker, a fence, the end of the fold): the file's
    // other lines are those of a harmless result.
    const unindented = (text: string) => text.split('\n').filter((line) => !line.startsWith('    '));
    const harmless = conversationToMarkdown(withCalls([call({ resultText: 'x' })]), options);
    const ids = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID').replace(/"resultText":"(?:[^"\\]|\\.)*"/, '');
    expect(unindented(ids(markdown))).toEqual(unindented(ids(harmless)));
  });

  it('links the images a call returned, in its fold, and reads the links back', () => {
    const image = { file: `${'a'.repeat(64)}.png`, name: 'tiny.png', kind: 'image' as const, mimeType: 'image/png', bytes: 90 };
    const markdown = conversationToMarkdown(withCalls([call({ tool: 'get-tiny-image', resultImages: [image] })]), options);
    expect(markdown).toContain(`![tiny.png](attachments/${image.file})\n\n</details>`);
    const { file, ...linked } = image;
    expect(markdownToConversation(markdown).messages[1]?.toolCalls?.[0]?.resultImages).toEqual([{ ...linked, href: `attachments/${file}` }]);
  });

  it('an import stores the calls with their answers; one left running comes back interrupted', async () => {
    const { store } = await openStore(tempDir(), () => T0);
    const c = withCalls([call(), call({ round: 2, status: 'running', resultText: null, durationMs: null })], [call({ contentOffset: 0 })]);
    expect(store.importConversations([markdownToConversation(conversationToMarkdown(c, options))], 'skip')).toEqual([null]);
    const answer = store.exportConversation(c.id)?.messages[1];
    expect(answer?.toolCalls).toEqual([c.messages[1]?.toolCalls?.[0], { ...c.messages[1]?.toolCalls?.[1], status: 'interrupted' }]);
    expect(answer?.versions?.[0]?.toolCalls).toEqual(c.messages[1]?.versions?.[0]?.toolCalls);
  });

  it('an import refuses a call id another conversation already holds, and stores nothing of it', async () => {
    const { store } = await openStore(tempDir(), () => T0);
    const shared = call();
    store.importConversations([withCalls([shared])], 'skip');
    const other = { ...withCalls([shared]), id: randomUUID() };
    expect(store.importConversations([other], 'skip')).toEqual([`its tool call ${shared.id} is already stored in another conversation.`]);
    expect(store.exportConversation(other.id)).toBeNull();
  });
});
