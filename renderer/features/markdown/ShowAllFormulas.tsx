import type { MouseEvent } from 'react';
import type { MoreFormulas } from './useRenderedBlock';

/**
 * Under a block with more formulas than are typeset at first: a quiet button that typesets the
 * rest, then, while they are typeset a slice at a time, how far it has come.
 */
export function ShowAllFormulas({ formulas, typeset, showingAll, showAll }: MoreFormulas) {
  // The button gives way to the progress, then to nothing: focus moves to the message around it
  // (focusable from script, `tabindex="-1"`) rather than falling to the page.
  const showAllKeepingFocus = (event: MouseEvent<HTMLButtonElement>) => {
    event.currentTarget.closest<HTMLElement>('[tabindex="-1"]')?.focus({ preventScroll: true });
    showAll();
  };
  return (
    <div className="md-more-formulas">
      {showingAll ? (
        <span role="status">
          Typesetting formulas: {typeset.toLocaleString('en')} of {formulas.toLocaleString('en')}
        </span>
      ) : (
        <>
          <button type="button" onClick={showAllKeepingFocus}>
            Show all formulas
          </button>
          <span>{(formulas - typeset).toLocaleString('en')} more shown as written</span>
        </>
      )}
    </div>
  );
}
