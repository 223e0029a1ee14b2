import type { RenderedBlock } from './useRenderedBlock';

/**
 * Under a block with more formulas than are typeset at first: a quiet button that typesets the
 * rest, then, while they are typeset a slice at a time, how far it has come.
 */
export function ShowAllFormulas({ formulas, limit, showingAll, showAll }: RenderedBlock) {
  return (
    <div className="md-more-formulas">
      {showingAll ? (
        <span role="status">
          Typesetting formulas: {limit.toLocaleString('en')} of {formulas.toLocaleString('en')}
        </span>
      ) : (
        <>
          <button type="button" onClick={showAll}>
            Show all formulas
          </button>
          <span>{(formulas - limit).toLocaleString('en')} more shown as written</span>
        </>
      )}
    </div>
  );
}
