import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationSummary } from '../../../shared/ipc';
import type { ParleyApi } from '../../../shared/ipc/client';
import { toAppError } from '../../lib/errors';
import { useChanges } from '../../lib/useChanges';

const PAGE = 500;

/** Puts `summary` in place of any older copy, keeping the list newest first. */
function place(list: readonly ConversationSummary[], summary: ConversationSummary): ConversationSummary[] {
  const rest = list.filter((item) => item.id !== summary.id);
  const index = rest.findIndex((item) => item.updatedAt <= summary.updatedAt);
  rest.splice(index === -1 ? rest.length : index, 0, summary);
  return rest;
}

/** Adds a page from main, skipping what the list already holds (a local change is newer). */
function appendPage(list: ConversationSummary[], page: readonly ConversationSummary[]): ConversationSummary[] {
  const known = new Set(list.map((item) => item.id));
  const fresh = page.filter((item) => !known.has(item.id));
  return fresh.length === 0 ? list : [...list, ...fresh];
}

/** Main's summaries in place of the list's copies, plus any the list lacked, newest first. */
function merge(list: readonly ConversationSummary[], fresh: readonly ConversationSummary[]): ConversationSummary[] {
  const byId = new Map(list.map((item) => [item.id, item]));
  for (const item of fresh) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => b.updatedAt - a.updatedAt);
}

/**
 * Every conversation's summary, newest first. Pages arrive one after another and the first
 * shows at once. The sidebar's own changes (renames, pins, deletes) apply straight away;
 * everything else (sends, titles, imports, a restored backup) arrives as main's changes.
 */
export function useConversationList(api: ParleyApi) {
  const [items, setItems] = useState<ConversationSummary[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  /** Where the next page starts, while pages are still coming. */
  const offsetRef = useRef<number | null>(null);

  useEffect(() => {
    let live = true;
    offsetRef.current = 0;
    async function loadAll() {
      let total = Infinity;
      while (live && offsetRef.current !== null && offsetRef.current < total) {
        const page = await api.listConversations({ offset: offsetRef.current, limit: PAGE });
        if (!live) return;
        total = page.total;
        offsetRef.current += page.conversations.length;
        setItems((current) => appendPage(current, page.conversations));
        setLoaded(true);
        if (page.conversations.length === 0) break;
      }
      offsetRef.current = null;
    }
    loadAll().catch((failure: unknown) => {
      offsetRef.current = null;
      if (live) setError(toAppError(failure).message);
    });
    return () => {
      live = false;
    };
  }, [api, attempt]);

  const retry = useCallback(() => {
    setError(null);
    setAttempt((count) => count + 1);
  }, []);

  const upsert = useCallback((summary: ConversationSummary) => setItems((current) => place(current, summary)), []);

  const remove = useCallback((id: string) => {
    setItems((current) => current.filter((item) => item.id !== id));
    // Everything after it moves up one place in main's order: the next page starts one earlier.
    if (offsetRef.current !== null) offsetRef.current = Math.max(0, offsetRef.current - 1);
  }, []);

  const restore = useCallback(
    (summary: ConversationSummary) => {
      upsert(summary);
      if (offsetRef.current !== null) offsetRef.current += 1;
    },
    [upsert],
  );

  /** Main's summaries of the conversations a change names; a named one main no longer has was deleted. */
  const readChanged = useCallback(
    (ids: readonly string[]) =>
      api.conversationSummaries({ ids: [...ids] }).then((fresh) => {
        const live = new Set(fresh.map((summary) => summary.id));
        setItems((current) => fresh.reduce(place, current.filter((item) => live.has(item.id) || !ids.includes(item.id))));
      }),
    [api],
  );

  /** Re-reads every conversation, e.g. after an import added or replaced some anywhere in the list. */
  const readAll = useCallback(async () => {
    const fresh: ConversationSummary[] = [];
    for (let total = Infinity; fresh.length < total; ) {
      const page = await api.listConversations({ offset: fresh.length, limit: PAGE });
      total = page.total;
      if (page.conversations.length === 0) break;
      fresh.push(...page.conversations);
    }
    setItems((current) => merge(current, fresh));
  }, [api]);

  useChanges(api, ['conversations'], ({ ids }) => {
    if (!ids) {
      // The whole history was replaced (a backup restored): load it as at the start.
      setItems([]);
      setLoaded(false);
      retry();
      return;
    }
    (ids.length > PAGE ? readAll() : readChanged(ids)).catch((failure: unknown) => console.warn('Could not refresh the conversation list', failure));
  });

  return { items, loading: !loaded && error === null, error, retry, upsert, remove, restore };
}
