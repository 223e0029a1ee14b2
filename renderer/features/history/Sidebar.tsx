import { memo, useCallback, useId, useMemo, useState } from 'react';
import type { ConversationSummary, SearchHit } from '../../../preload/contract';
import { useParley } from '../../app/ParleyContext';
import { ConversationList } from './ConversationList';
import { groupConversations } from './groupConversations';
import { SearchResults } from './SearchResults';
import { UndoToast, type Toast } from './UndoToast';
import { useConversationSearch } from './useConversationSearch';
import { useToday } from './useToday';

interface SidebarProps {
  conversations: ConversationSummary[];
  loading: boolean;
  loadError: string | null;
  openId: string;
  toast: Toast | null;
  onRetryLoad: () => void;
  onNew: () => void;
  onOpen: (id: string, messageId: string | null) => void;
  onRename: (summary: ConversationSummary, title: string) => void;
  onTogglePin: (summary: ConversationSummary) => void;
  onDelete: (summary: ConversationSummary) => void;
  onUndo: () => void;
  onDismissToast: () => void;
  onOpenSettings: () => void;
}

/**
 * History at hand: New chat, search, and every conversation grouped by when it was last
 * used. Memoized, so a streaming answer does not re-render it.
 */
export const Sidebar = memo(function Sidebar(props: SidebarProps) {
  const { conversations, loading, loadError, openId, toast, onOpen } = props;
  const api = useParley();
  const id = useId();
  const [query, setQuery] = useState('');
  const search = useConversationSearch(api, query);
  const today = useToday();
  const rows = useMemo(() => groupConversations(conversations, today), [conversations, today]);
  const openConversation = useCallback((conversationId: string) => onOpen(conversationId, null), [onOpen]);
  const openHit = useCallback((hit: SearchHit) => onOpen(hit.conversationId, hit.messageId), [onOpen]);

  let list;
  if (loading) list = <p className="sidebar-message muted">Loading conversations…</p>;
  else if (rows.length === 0 && !loadError) list = <p className="sidebar-message muted">No conversations yet.</p>;
  else
    list = (
      <ConversationList rows={rows} openId={openId} onOpen={openConversation} onRename={props.onRename} onTogglePin={props.onTogglePin} onDelete={props.onDelete} />
    );

  return (
    <nav aria-label="Conversations" className="sidebar">
      <div className="sidebar-top">
        <span className="brand">Parley</span>
        <button type="button" onClick={props.onNew}>
          New chat
        </button>
      </div>
      <div className="sidebar-search">
        <label htmlFor={`${id}-search`} className="visually-hidden">
          Search conversations
        </label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder="Search conversations"
          autoComplete="off"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Escape' || query === '') return;
            // Clearing the search is all Escape does here: it must not also stop an answer.
            event.preventDefault();
            setQuery('');
          }}
        />
      </div>
      {loadError && (
        <div role="alert" className="sidebar-message">
          <p className="error-text">Could not load conversations: {loadError}</p>
          <button type="button" onClick={props.onRetryLoad}>
            Try again
          </button>
        </div>
      )}
      {search.query ? <SearchResults search={search} onOpen={openHit} /> : list}
      <UndoToast toast={toast} onUndo={props.onUndo} onDismiss={props.onDismissToast} />
      <div className="sidebar-footer">
        <button type="button" onClick={props.onOpenSettings}>
          Settings
        </button>
      </div>
    </nav>
  );
});
