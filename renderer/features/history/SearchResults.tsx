import { useId, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../shared/ipc';
import { Snippet } from './Snippet';
import type { SearchState } from './useConversationSearch';
import { UNTITLED } from './untitled';

interface SearchResultsProps {
  search: SearchState;
  onOpen: (hit: SearchHit) => void;
}

/** Up/Down move between results, as in the conversation list. */
function onListKeyDown(event: KeyboardEvent<HTMLUListElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const index = buttons.indexOf(event.target as HTMLButtonElement);
  const next = buttons[index + (event.key === 'ArrowDown' ? 1 : -1)];
  if (index === -1 || !next) return;
  event.preventDefault();
  next.focus();
}

export function SearchResults({ search, onOpen }: SearchResultsProps) {
  const id = useId();
  let status = '';
  if (search.hits.length === 0 && !search.error) status = search.pending ? 'Searching…' : 'No conversations match';

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
      <ul role="list" aria-label="Search results" aria-busy={search.pending} className="search-list" onKeyDown={onListKeyDown}>
        {search.hits.map((hit, index) => (
          <li key={`${hit.conversationId}:${hit.messageId ?? 'title'}`}>
            <button type="button" className="search-hit" aria-labelledby={`${id}-${index}-title ${id}-${index}-snippet`} onClick={() => onOpen(hit)}>
              <span id={`${id}-${index}-title`} className="search-hit-title">
                {hit.title || UNTITLED}
              </span>
              <span id={`${id}-${index}-snippet`} className="search-hit-snippet">
                <Snippet segments={hit.snippet} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
