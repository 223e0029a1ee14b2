import type { ToolCallRecord } from '../../../shared/ipc';
import { Markdown } from '../markdown/Markdown';
import { answerSegments } from './answerSegments';
import { ToolCallBlock } from './lazy';
import './tools.css';

interface AnswerWithToolCallsProps {
  content: string;
  calls: readonly ToolCallRecord[];
  /** The answer is still arriving: its last text piece streams. */
  streaming: boolean;
  /** The words of the search that led to this answer, if one did. */
  searchWords?: readonly string[];
  onOpenLink: (url: string) => void;
}

/** An answer that used tools: its text as Markdown, with each call's block where the model made it. */
export function AnswerWithToolCalls({ content, calls, streaming, searchWords, onOpenLink }: AnswerWithToolCallsProps) {
  const segments = answerSegments(content, calls);
  return (
    <>
      {segments.map((segment, index) =>
        segment.kind === 'text' ? (
          <Markdown key={segment.key} className="message-markdown" text={segment.text} streaming={streaming && index === segments.length - 1} onOpenLink={onOpenLink} />
        ) : (
          <div key={segment.key} className="tool-calls">
            {segment.calls.map((call) => (
              <ToolCallBlock key={call.id} call={call} searchWords={searchWords} />
            ))}
          </div>
        ),
      )}
    </>
  );
}
