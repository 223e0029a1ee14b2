import { memo, useCallback, useRef } from 'react';
import type { ModelInfo } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { Reasoning } from '../chat/Reasoning';
import { Markdown } from '../markdown/Markdown';
import { columnStats } from './columnStats';
import { canUse, type Column } from './compareRun';

interface CompareColumnProps {
  column: Column;
  price: ModelInfo['price'];
  /** False while a chosen answer is being saved. */
  enabled: boolean;
  onStop: (id: string) => void;
  onUse: (id: string) => void;
}

/** One model's answer, streaming: a region named by the model, with its numbers, Stop and "Use this answer". Memoized: a frame of one column re-renders only that column. */
export const CompareColumn = memo(function CompareColumn({ column, price, enabled, onStop, onUse }: CompareColumnProps) {
  const api = useParley();
  const openLink = useCallback((url: string) => void api.openLink({ url }), [api]);
  const streaming = column.status === 'streaming';
  const sectionRef = useRef<HTMLElement>(null);
  const stop = () => {
    // The button goes once the column stops: focus stays in the column, so Escape and Tab still work from here.
    sectionRef.current?.focus();
    onStop(column.id);
  };
  return (
    <section ref={sectionRef} tabIndex={-1} className="compare-column" aria-label={column.model} aria-busy={streaming}>
      <header className="compare-column-header">
        <h3 className="message-model" title={column.model}>
          {column.model}
        </h3>
        {streaming && (
          <button type="button" className="danger" onClick={stop}>
            Stop <span className="visually-hidden">{column.model}</span>
          </button>
        )}
      </header>
      <div className="compare-answer">
        {column.reasoning !== '' && <Reasoning text={column.reasoning} thinking={streaming && column.content === ''} durationMs={column.thinkingMs} />}
        {column.content !== '' && <Markdown className="message-markdown" text={column.content} streaming={streaming} onOpenLink={openLink} />}
        {column.status === 'stopped' && <p className="message-status">Stopped</p>}
        {column.error && (
          <div role="alert" className="message-error">
            <p>{column.error.message}</p>
          </div>
        )}
      </div>
      <p className="message-usage compare-stats">{columnStats(column, price)}</p>
      {canUse(column) && (
        <button type="button" className="primary" disabled={!enabled} onClick={() => onUse(column.id)}>
          Use this answer
        </button>
      )}
    </section>
  );
});
