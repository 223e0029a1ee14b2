import { useEffect, useState } from 'react';
import type { ParleyApi } from '../../../shared/ipc/client';
import type { SearchHit } from '../../../shared/ipc';
import { toAppError } from '../../lib/errors';

const DEBOUNCE_MS = 150;
const LIMIT = 50;

interface Answer {
  query: string;
  hits: SearchHit[];
  error: string | null;
}

export interface SearchState {
  /** The trimmed query; empty means no search. */
  query: string;
  hits: SearchHit[];
  error: string | null;
  /** The shown hits are for an earlier query, or none has arrived yet. */
  pending: boolean;
}

/** Full-text search over history, asked once typing pauses; answers to older queries are dropped. */
export function useConversationSearch(api: ParleyApi, input: string): SearchState {
  const query = input.trim();
  const [answer, setAnswer] = useState<Answer>({ query: '', hits: [], error: null });

  useEffect(() => {
    if (query === '') return;
    let live = true;
    const timer = setTimeout(() => {
      api.searchConversations({ query, limit: LIMIT }).then(
        (hits) => live && setAnswer({ query, hits, error: null }),
        (failure: unknown) => live && setAnswer({ query, hits: [], error: toAppError(failure).message }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  return { query, hits: answer.hits, error: answer.error, pending: answer.query !== query };
}
