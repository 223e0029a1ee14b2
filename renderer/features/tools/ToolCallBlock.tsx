import { useId, useState } from 'react';
import type { ToolCallRecord } from '../../../shared/ipc';
import { fold } from '../../../shared/searchText';
import { prettyArguments, TOOL_CALL_STATUS_TEXT, toolCallTitle } from '../../../shared/toolCallText';
import { formatDuration } from '../../lib/format';
import { Icons } from '../../ui/icons';
import { AttachmentImage } from '../attachments/AttachmentImage';
import { LongText } from '../../lib/LongText';

/** Whether the call's arguments, result or error hold one of a search's words (folded as searchWords folds them). */
function holdsAny(call: ToolCallRecord, words: readonly string[] | undefined): boolean {
  if (!words?.length) return false;
  const text = fold([call.arguments, call.resultText ?? '', call.error ?? ''].join('\n'));
  return words.some((word) => text.includes(word));
}

/**
 * One tool call where the answer made it: "Used <tool> on <server>", its status and duration;
 * expanded, the arguments and the result. The result is untrusted text from a server and is
 * shown as plain preformatted text: no Markdown, no HTML, no links, nothing that loads or runs.
 * Folded by default; a search that led here by words in its arguments or result opens it, so
 * the words can be seen and marked (chat/matchHighlight.ts).
 */
export function ToolCallBlock({ call, searchWords }: { call: ToolCallRecord; searchWords?: readonly string[] | undefined }) {
  const id = useId();
  const [open, setOpen] = useState(() => holdsAny(call, searchWords));
  // A new search leading here opens the call again if it holds its words; closing it stays the person's choice.
  const [openedFor, setOpenedFor] = useState(searchWords);
  if (searchWords !== openedFor) {
    setOpenedFor(searchWords);
    if (holdsAny(call, searchWords)) setOpen(true);
  }
  const args = prettyArguments(call.arguments);
  const duration = call.durationMs === null ? '' : formatDuration(call.durationMs);
  return (
    <div className="tool-call" data-status={call.status}>
      <button type="button" className="tool-call-head" aria-expanded={open} aria-controls={open ? `${id}-body` : undefined} onClick={() => setOpen(!open)}>
        <Icons.tools aria-hidden="true" focusable="false" size={14} strokeWidth={1.75} />
        <span className="tool-call-title">{toolCallTitle(call)}</span>
        <span className="tool-call-status">
          {TOOL_CALL_STATUS_TEXT[call.status]}
          {duration && ` · ${duration}`}
        </span>
        <Icons.chevronDown className="tool-call-chevron" aria-hidden="true" focusable="false" size={14} strokeWidth={1.75} />
      </button>
      {open && (
        <div id={`${id}-body`} className="tool-call-body">
          <p className="tool-call-label">Arguments{args.valid ? '' : ' (not valid JSON)'}</p>
          <pre className="tool-call-pre">
            <LongText text={args.text} />
          </pre>
          {call.error !== null && <p className="tool-call-error">{call.error}</p>}
          {call.resultText !== null && call.resultText !== '' && call.error !== call.resultText && (
            <>
              <p className="tool-call-label">Result</p>
              <pre className="tool-call-pre">
                <LongText text={call.resultText} />
              </pre>
            </>
          )}
          {call.resultImages.map((image) => (
            <AttachmentImage key={image.file} attachment={image} className="tool-call-image" />
          ))}
        </div>
      )}
    </div>
  );
}
