/**
 * An answer's tool calls in a Markdown export. For people: a folded block per call after the
 * answer's text, with its arguments and result as indented code. An indented line is never
 * taken for one of Parley's markers (they start a line) and cannot end the `<details>` around
 * it, whatever a tool wrote. For Parley: every field but the images in the message's details
 * line, from which an import reads the calls back exactly. Images a tool returned are stored
 * files the Markdown does not carry; it says how many there were.
 */
import type { ToolCallRecord } from '../../shared/ipc';
import { prettyArguments, TOOL_CALL_STATUS_TEXT, toolCallTitle } from '../../shared/toolCallText';
import { inlineText } from './markdownInline';

/** The calls for the details line: the images' stored files stay out (`resultImages` empty). */
export function toolCallsDetails(calls: readonly ToolCallRecord[]): ToolCallRecord[] {
  return calls.map((call) => ({ ...call, resultImages: [] }));
}

const indented = (text: string): string[] => text.split('\n').map((line) => `    ${line.replace(/\r$/, '')}`);

function callLines(call: ToolCallRecord): string[] {
  const summary = [inlineText(toolCallTitle(call)), TOOL_CALL_STATUS_TEXT[call.status], ...(call.durationMs === null ? [] : [`${(call.durationMs / 1000).toFixed(1)} s`])].join(' · ');
  const args = prettyArguments(call.arguments);
  const out = [`<details><summary>${summary}</summary>`, '', args.valid ? 'Arguments:' : 'Arguments (not valid JSON):', '', ...indented(args.text), ''];
  if (call.error !== null) out.push(`> **Error:** ${inlineText(call.error)}`, '');
  if (call.resultText !== null && call.resultText !== '' && call.resultText !== call.error) out.push('Result:', '', ...indented(call.resultText), '');
  const images = call.resultImages.length;
  if (images > 0) out.push(`<sub>The tool also returned ${images} image${images === 1 ? '' : 's'}, not included in this file.</sub>`, '');
  out.push('</details>', '');
  return out;
}

/** The readable blocks of an answer's calls, in order; none when it made none. */
export function toolCallLines(calls: readonly ToolCallRecord[]): string[] {
  return calls.flatMap(callLines);
}
