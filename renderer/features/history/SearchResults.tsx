import { useId, useImperativeHandle, useMemo, useRef, type KeyboardEvent, type Ref, type RefObject } from 'react';
import type { SearchHit } from '../../../shared/ipc';
import { searchWords } from '../../../shared/searchText';
import { markedSegments, Snippet } from './Snippet';
import { matchCountLabel, resultDate } from './resultDate';
import type { SearchState } from './useConversationSearch';
import { UNTITLED } from './untitled';
import { useToday } from './useToday';

/** What the search field asks of the results: its ↑/↓ and Enter. */
export interface SearchResultsHandle {
  /** Focuses the first or the last result; false when there is none. */
  focusResult(which: 'first' | 'last'): boolean;
  /** Opens the first result; false when there is none yet. */
  openFirst(): boolean;
}

interface SearchResultsProps {
  search: SearchState;
  onOpen: (hit: SearchHit) => void;
  /** The search field, where ↑ from the first result and Escape return. */
  fieldRef: RefObject<HTMLInputElement | null>;
  handle?: Ref<SearchResultsHandle>;
}

/** ↑/↓ move between results (↑ from the first goes back to the field), Home/End to the ends, Escape back to the field. */
function onListKeyDown(event: KeyboardEvent<HTMLUListElement>, field: HTMLInputElement | null) {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.search-hit')];
  const index = buttons.indexOf(event.target as HTMLButtonElement);
  if (index === -1) return;
  const targets: Record<string, HTMLElement | null | undefined> = {
    ArrowDown: buttons[index + 1],
    ArrowUp: index === 0 ? field : buttons[index - 1],
    Home: buttons[0],
    End: buttons.at(-1),
    Escape: field,
  };
  const next = targets[event.key];
  if (!next) return;
  // Escape here only leaves the results: it must not also stop an answer.
  event.preventDefault();
  next.focus();
}

export function SearchResults({ search, onOpen, fieldRef, handle }: SearchResultsProps) {
  const id = useId();
  const today = useToday();
  const listRef = useRef<HTMLUListElement>(null);
  const words = useMemo(() => searchWords(search.query), [search.query]);
  let status = '';
  if (search.hits.length === 0 && !search.error) status = search.pending ? 'Searching…' : 'No conversations match';

  useImperativeHandle(handle, () => ({
    focusResult(which) {
      const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button.search-hit') ?? [];
      const target = which === 'first' ? buttons[0] : buttons[buttons.length - 1];
      target?.focus();
      return Boolean(target);
    },
    openFirst() {
      const [first] = search.hits;
      if (!first || search.pending) return false;
      onOpen(first);
      return true;
    },
  }));

  return (
    <div className="search-results">
      {search.error && (
        <p role="alert" className="sidebar-message error-text">
          Search failed: {search.error}
        </p>
      )}
      <p role="status" className="sidebar-message search-status">
        {status}
      </p>
      <ul ref={listRef} role="list" aria-label="Search results" aria-busy={search.pending} className="search-list" onKeyDown={(event) => onListKeyDown(event, fieldRef.current)}>
        {search.hits.map((hit, index) => (
          <li key={hit.conversationId}>
            <button
              type="button"
              className="search-hit"
              aria-labelledby={`${id}-${index}-title ${id}-${index}-snippet`}
              aria-describedby={`${id}-${index}-meta`}
              onClick={() => onOpen(hit)}
            >
              <span id={`${id}-${index}-title`} className="search-hit-title">
                {hit.title ? <Snippet segments={markedSegments(hit.title, words)} /> : UNTITLED}
              </span>
              <span id={`${id}-${index}-snippet`} className="search-hit-snippet">
                <Snippet segments={hit.snippet} />
              </span>
              <span id={`${id}-${index}-meta`} className="search-hit-meta">
                {matchCountLabel(hit.matchCount, hit.moreMatches)} · {resultDate(hit.date, today)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
