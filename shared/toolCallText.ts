import type { ToolCallRecord, ToolCallStatus } from './ipc';

/** A tool call's status in words: the answer's call blocks and the Markdown export say the same. */
export const TOOL_CALL_STATUS_TEXT: Record<ToolCallStatus, string> = {
  'awaiting-approval': 'Waiting for your answer',
  running: 'Running…',
  complete: 'Done',
  error: 'Failed',
  denied: 'Denied',
  cancelled: 'Stopped',
  'not-run': 'Not run',
  interrupted: 'Interrupted',
};

/** "Used echo on Everything" (a call to a tool no server offered has no server). */
export const toolCallTitle = (call: Pick<ToolCallRecord, 'tool' | 'serverName'>): string => `Used ${call.tool}${call.serverName ? ` on ${call.serverName}` : ''}`;

/** A call's arguments as people read them: pretty JSON, or the text as sent when it is not JSON. */
export function prettyArguments(text: string): { text: string; valid: boolean } {
  if (text.trim() === '') return { text: '{}', valid: true };
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), valid: true };
  } catch {
    return { text, valid: false };
  }
}
