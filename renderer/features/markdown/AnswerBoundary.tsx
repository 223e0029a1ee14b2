import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';
import { useCopyText } from '../../lib/useCopyText';

interface AnswerBoundaryProps {
  /** The answer as stored: what "Copy raw text" copies. */
  text: string;
  children: ReactNode;
}

interface AnswerBoundaryState {
  failed: boolean;
  /** The text the state is about: a new text (the next chunk, another version) gets a new try. */
  text: string;
}

/**
 * Keeps one answer's failure inside that answer: whatever its Markdown does to the renderer, the
 * rest of the window stays, and the answer's text stays one click away.
 */
export class AnswerBoundary extends Component<AnswerBoundaryProps, AnswerBoundaryState> {
  override state: AnswerBoundaryState = { failed: false, text: this.props.text };

  static getDerivedStateFromProps(props: AnswerBoundaryProps, state: AnswerBoundaryState): Partial<AnswerBoundaryState> | null {
    return props.text === state.text ? null : { failed: false, text: props.text };
  }

  static getDerivedStateFromError(): Partial<AnswerBoundaryState> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('An answer could not be displayed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <AnswerFailure text={this.props.text} /> : this.props.children;
  }
}

function AnswerFailure({ text }: { text: string }) {
  const { copied, copy } = useCopyText((error) => console.warn('Copy raw text failed', error));
  return (
    <div role="alert" className="message-error answer-failure">
      <p>This answer could not be displayed.</p>
      <div className="actions">
        <button type="button" onClick={() => copy(text)}>
          Copy raw text
        </button>
        <span className="visually-hidden" role="status">
          {copied ? 'Copied' : ''}
        </span>
      </div>
    </div>
  );
}
