import './markdown.css';
import { AnswerBoundary } from './AnswerBoundary';
import { lazyModule } from './lazyModule';
import { whenIdle } from './whenIdle';

export interface MarkdownProps {
  /** The answer so far: while streaming, each update extends the previous text. */
  text: string;
  /** The answer is still arriving: its last block may be unfinished. */
  streaming: boolean;
  /** Called with a checked http/https/mailto URL when a link is clicked; the window never navigates. */
  onOpenLink: (url: string) => void;
  /** The answer opens scrolled to its end (the last answer of a conversation opened at its end): a long one renders only its end at once. */
  opensAtEnd?: boolean;
  className?: string;
}

/** The class of the placeholder holding the place of a part of a long answer not rendered yet. */
export const PENDING_PART_CLASS = 'md-pending';

/** The parser and renderer: not part of what the window needs to start, fetched once it has. */
const pipeline = lazyModule('Markdown rendering', () => import('./MarkdownAnswer'));
whenIdle(() => void pipeline.load().then(({ warmUpParser }) => whenIdle(warmUpParser), () => undefined));

/** Loads the Markdown pipeline now: for callers (tests, benchmarks) that render answers at once. */
export const loadMarkdown = (): Promise<unknown> => pipeline.load();

/**
 * An answer as GitHub-flavoured Markdown, with highlighted code, KaTeX math and Mermaid diagrams.
 * Built for streaming: the text is split into top-level blocks incrementally and finished blocks are
 * memoized, so a chunk costs about the same at the 100,000th character as at the first. A long
 * answer opened whole shows its start and end first and the rest when the window is idle. Model
 * output never becomes HTML elements; links and images go through explicit checks; whatever goes
 * wrong stays inside this answer. Until the pipeline has loaded (just after start-up) the text
 * shows as it is.
 */
export function Markdown(props: MarkdownProps) {
  const loaded = pipeline.use();
  return (
    <AnswerBoundary text={props.text}>
      {loaded ? (
        <loaded.MarkdownAnswer {...props} />
      ) : (
        <div className={props.className ? `md md-plain ${props.className}` : 'md md-plain'}>{props.text}</div>
      )}
    </AnswerBoundary>
  );
}
