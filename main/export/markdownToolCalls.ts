/**
 * An answer's tool calls in a Markdown export. For people: a folded block per call after the
 * answer's text, with its arguments and result as indented code. An indented line is never
 * taken for one of Parley's markers (they start a line) and cannot end the `<details>` around
 * it, whatever a tool wrote. Images a tool returned are shown under its result and linked like
 * attachments (`attachments/<file>` next to the file, or data: URLs inside it), so GitHub and
 * Obsidian show them in the fold. For Parley: every field in the message's details line, the
 * images by their links, from which an import reads the calls back exactly.
 */
import type { ExportToolCall } from './types';
import { prettyArguments, TOOL_CALL_STATUS_TEXT, toolCallTitle } from '../../shared/toolCallText';
import { inlineText } from './markdownInline';
import { fileLink, linkedFile, type FileHref } from './markdownLinks';

/** The calls for the details line: each image by its name, type, size and link, as attachments are. */
export function toolCallsDetails(calls: readonly ExportToolCall[], href: FileHref): ExportToolCall[] {
  return calls.map((call) => ({ ...call, resultImages: call.resultImages.map((image) => linkedFile(image, href)) }));
}

const indented = (text: string): string[] => text.split('\n').map((line) => `    ${line.replace(/\r$/, '')}`);

function callLines(call: ExportToolCall, href: FileHref): string[] {
  const summary = [inlineText(toolCallTitle(call)), TOOL_CALL_STATUS_TEXT[call.status], ...(call.durationMs === null ? [] : [`${(call.durationMs / 1000).toFixed(1)} s`])].join(' · ');
  const args = prettyArguments(call.arguments);
  const out = [`<details><summary>${summary}</summary>`, '', args.valid ? 'Arguments:' : 'Arguments (not valid JSON):', '', ...indented(args.text), ''];
  if (call.error !== null) out.push(`> **Error:** ${inlineText(call.error)}`, '');
  if (call.resultText !== null && call.resultText !== '' && call.resultText !== call.error) out.push('Result:', '', ...indented(call.resultText), '');
  for (const image of call.resultImages) out.push(fileLink(linkedFile(image, href)), '');
  out.push('</details>', '');
  return out;
}

/** The readable blocks of an answer's calls, in order; none when it made none. */
export function toolCallLines(calls: readonly ExportToolCall[], href: FileHref): string[] {
  return calls.flatMap((call) => callLines(call, href));
}
