/**
 * One tool call the model asked for, from the request to the `tool` message that goes back:
 * map its name to a server's tool, check its arguments, ask the person (unless they chose
 * "Always allow this tool"), run it, and report every step as a `tool-call` event so history and
 * the page see the same record. Nothing runs without an answer; a stop cancels the wait or the run.
 */
import { randomUUID } from 'node:crypto';
import { MAX_TOOL_ROUNDS, type ChatEvent, type ToolCallRecord } from '../../shared/ipc';
import type { ToolSet } from './chatTools';
import type { ToolApprovals } from './toolApprovals';
import type { StreamedToolCall } from './toolCallDeltas';

export interface ToolCallContext {
  tools: ToolSet;
  approvals: ToolApprovals;
  onEvent(event: ChatEvent): void;
  signal: AbortSignal;
  now(): number;
  newId?: () => string;
}

export interface ToolCallPlace {
  round: number;
  contentOffset: number;
  /** The answer already used its rounds: the call is refused and the model told why. */
  overLimit: boolean;
}

/** What the model reads back for calls that did not run; plain sentences, never the page's wording. */
const DENIED = 'The user did not allow this tool call. Do not call it again unless they ask you to.';
const OVER_LIMIT = `Parley allows at most ${MAX_TOOL_ROUNDS} rounds of tool calls in one answer. Answer with what you have.`;

/** The arguments as an object, or why they are not one. */
function parseArguments(text: string): Record<string, unknown> | string {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    return 'The arguments were not a JSON object, so the tool was not called.';
  } catch {
    return 'The arguments were not valid JSON, so the tool was not called.';
  }
}

/** Runs one call to its end; returns the text of the `tool` message for the model. */
export async function runToolCall(call: StreamedToolCall, place: ToolCallPlace, context: ToolCallContext): Promise<string> {
  const { tools, signal, now } = context;
  const target = tools.resolve(call.name);
  const record: ToolCallRecord = {
    id: (context.newId ?? randomUUID)(),
    round: place.round,
    contentOffset: place.contentOffset,
    serverId: target?.serverId ?? null,
    serverName: target?.serverName ?? '',
    tool: target?.tool ?? call.name,
    arguments: call.arguments,
    status: 'running',
    decision: null,
    resultText: null,
    resultImages: [],
    error: null,
    startedAt: now(),
    durationMs: null,
  };
  const report = (changes: Partial<ToolCallRecord>): void => {
    Object.assign(record, changes);
    context.onEvent({ type: 'tool-call', call: { ...record, resultImages: [...record.resultImages] } });
  };
  const notRun = (error: string): string => {
    report({ status: 'not-run', error });
    return error;
  };

  if (place.overLimit) return notRun(OVER_LIMIT);
  if (!target) return notRun(`There is no tool named “${call.name}” in this conversation, so nothing was run.`);
  const args = parseArguments(call.arguments);
  if (typeof args === 'string') return notRun(args);

  if (tools.isAlwaysAllowed(target)) {
    record.decision = 'remembered';
  } else {
    // Listening before the page hears of the call: its answer may come back at once.
    const asking = context.approvals.ask(record.id, signal);
    report({ status: 'awaiting-approval' });
    const decision = await asking;
    if (signal.aborted) {
      report({ status: 'cancelled', decision: null, error: 'Stopped before it was allowed.' });
      return 'The user stopped the answer.';
    }
    if (decision === 'deny') {
      report({ status: 'denied', decision: 'deny' });
      return DENIED;
    }
    if (decision === 'always') tools.rememberAlwaysAllowed(target);
    record.decision = decision;
  }

  report({ status: 'running', startedAt: now() });
  const output = await tools.call(target, args, signal);
  const durationMs = now() - record.startedAt;
  if (signal.aborted) {
    report({ status: 'cancelled', durationMs, error: 'Stopped while it ran.' });
    return 'The user stopped the answer.';
  }
  report({
    status: output.isError ? 'error' : 'complete',
    resultText: output.text,
    resultImages: output.images,
    error: output.isError ? output.text || 'The tool reported an error.' : null,
    durationMs,
  });
  const images = output.images.length > 0 ? `\n\n[The tool also returned ${output.images.length} image(s), shown to the user.]` : '';
  return `${output.isError ? 'Error: ' : ''}${output.text}${images}`;
}
