import { describe, expect, it } from 'vitest';
import type { ToolCallRecord } from '../../../../shared/ipc';
import { answerSegments } from '../../../../renderer/features/tools/answerSegments';

const call = (id: string, contentOffset: number, round = 1): ToolCallRecord => ({
  id,
  round,
  contentOffset,
  serverId: 's',
  serverName: 'S',
  tool: 't',
  arguments: '{}',
  status: 'complete',
  decision: 'once',
  resultText: '',
  resultImages: [],
  error: null,
  startedAt: 0,
  durationMs: 1,
});

const shape = (content: string, calls: ToolCallRecord[]) =>
  answerSegments(content, calls).map((segment) => (segment.kind === 'text' ? segment.text : segment.calls.map((c) => c.id).join('+')));

describe('where tool calls sit in an answer', () => {
  it('cuts the text at each call, keeping calls made at the same point together and in order', () => {
    expect(shape('Let me check.Found it. Done.', [call('b', 13, 1), call('a', 13, 1), call('c', 22, 2)])).toEqual(['Let me check.', 'b+a', 'Found it.', 'c', ' Done.']);
  });

  it('puts calls before any text when the model called at once, and after all of it when nothing followed', () => {
    expect(shape('Result.', [call('a', 0)])).toEqual(['a', 'Result.']);
    expect(shape('Checking', [call('a', 8)])).toEqual(['Checking', 'a']);
    expect(shape('', [call('a', 0)])).toEqual(['a']);
  });

  it('never cuts beyond the text or backwards (a stored offset from a longer attempt)', () => {
    expect(shape('Short', [call('a', 99)])).toEqual(['Short', 'a']);
    expect(shape('abcdef', [call('a', 4, 1), call('b', 2, 2)])).toEqual(['ab', 'b', 'cd', 'a', 'ef']);
  });
});
