import { memo, useCallback, useRef } from 'react';
import type { ModelInfo } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { Icons } from '../../ui/icons';
import { Reasoning } from '../chat/Reasoning';
import { Markdown } from '../markdown/Markdown';
import type { Badge } from './columnBadges';
import { columnStats } from './columnStats';
import { canUse, type Column } from './compareRun';

interface CompareColumnProps {
  column: Column;
  price: ModelInfo['price'];
  badges: readonly Badge[] | undefined;
  /** The radios' shared name: one answer is chosen among the columns. */
  choiceName: string;
  chosen: boolean;
  onStop: (id: string) => void;
  onChoose: (id: string) => void;
}

const BADGES: Record<Badge, { label: string; icon: typeof Icons.fastest }> = {
  fastest: { label: 'Fastest', icon: Icons.fastest },
  cheapest: { label: 'Cheapest', icon: Icons.cheapest },
};

/**
 * One model's answer, streaming: a region named by the model with the radio that chooses it,
 * its badges (in the head, seen without looking for them) and Stop; its numbers in the foot. Memoized: a frame of one column re-renders only that column.
 */
export const CompareColumn = memo(function CompareColumn({ column, price, badges, choiceName, chosen, onStop, onChoose }: CompareColumnProps) {
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
    <section ref={sectionRef} tabIndex={-1} className="compare-column" aria-label={column.model} aria-busy={streaming} data-chosen={chosen || undefined}>
      <header className="compare-column-head">
        {canUse(column) && (
          <input type="radio" name={choiceName} aria-label="Choose this answer" checked={chosen} onChange={() => onChoose(column.id)} />
        )}
        <h3 className="compare-column-model" title={column.model}>
          {column.model}
        </h3>
        {badges?.map((badge) => {
          const { label, icon: BadgeIcon } = BADGES[badge];
          return (
            <span key={badge} className="compare-badge" data-badge={badge}>
              <BadgeIcon aria-hidden="true" focusable="false" size={12} strokeWidth={2} />
              {label}
            </span>
          );
        })}
        {streaming && (
          <button type="button" className="compare-stop" onClick={stop}>
            <Icons.stop aria-hidden="true" focusable="false" size={14} strokeWidth={1.75} />
            Stop <span className="visually-hidden">{column.model}</span>
          </button>
        )}
      </header>
      <div className="compare-answer">
        {column.reasoning !== '' && <Reasoning text={column.reasoning} thinking={streaming && column.content === ''} durationMs={column.thinkingMs} />}
        {column.content !== '' && <Markdown className="message-markdown" text={column.content} streaming={streaming} onOpenLink={openLink} />}
        {column.status === 'stopped' && <p className="compare-note">Stopped</p>}
        {column.error && (
          <div role="alert" className="message-error">
            <p>{column.error.message}</p>
          </div>
        )}
      </div>
      <footer className="compare-column-foot">{!column.error && <p className="compare-stats">{columnStats(column, price)}</p>}</footer>
    </section>
  );
});
