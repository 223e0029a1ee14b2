import type { ToolCallRecord } from '../../../shared/ipc';

/** A piece of an answer: text, or the tool calls the model made at that point. */
export type AnswerSegment = { kind: 'text'; text: string; key: string } | { kind: 'calls'; calls: ToolCallRecord[]; key: string };

/**
 * Cuts an answer's text where its tool calls happened (`contentOffset`: how much text had
 * arrived), so each call shows where the model made it. Calls at the same place stay together,
 * in order; an offset beyond the text (a retry shortened it) puts the call at the end.
 */
export function answerSegments(content: string, calls: readonly ToolCallRecord[]): AnswerSegment[] {
  const segments: AnswerSegment[] = [];
  let at = 0;
  const ordered = [...calls].sort((a, b) => a.contentOffset - b.contentOffset || a.round - b.round);
  for (const call of ordered) {
    const offset = Math.min(Math.max(call.contentOffset, at), content.length);
    if (offset > at) segments.push({ kind: 'text', text: content.slice(at, offset), key: `text-${at}` });
    at = offset;
    const last = segments.at(-1);
    if (last?.kind === 'calls') last.calls.push(call);
    else segments.push({ kind: 'calls', calls: [call], key: `calls-${call.id}` });
  }
  if (at < content.length) segments.push({ kind: 'text', text: content.slice(at), key: `text-${at}` });
  return segments;
}
