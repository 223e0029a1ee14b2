import { memo, useCallback, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { ConversationSummary, SearchHit } from '../../../shared/ipc';
import { searchWords } from '../../../shared/searchText';
import { useParley } from '../../lib/ParleyContext';
import { ActionStatus } from '../../components/ActionStatus';
import { backupOutcome } from '../transfer/backupOutcome';
import { useActionStatus } from '../../lib/useActionStatus';
import { FolderExportDialog } from '../transfer/FolderExportDialog';
import { SelectionBar } from '../transfer/SelectionBar';
import { useFolderExport } from '../transfer/useFolderExport';
import { ConversationList } from './ConversationList';
import { groupConversations } from './groupConversations';
import { SearchResults, type SearchResultsHandle } from './SearchResults';
import { UndoToast, type Toast } from './UndoToast';
import { UNTITLED } from './untitled';
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
  /** `words`: a search result's words, to mark in the message it opens. */
  onOpen: (id: string, messageId: string | null, words?: string[]) => void;
  onRename: (summary: ConversationSummary, title: string) => void;
  onTogglePin: (summary: ConversationSummary) => void;
  onDelete: (summary: ConversationSummary) => void;
  onUndo: () => void;
  onDismissToast: () => void;
  onOpenSettings: () => void;
  onImport: () => void;
  onOpenUsage: () => void;
  /** For the app's commands (Cmd/Ctrl+K, the menu's Back up). */
  handle?: Ref<SidebarHandle>;
}

export interface SidebarHandle {
  focusSearch(): void;
  backUp(): void;
}

function toggled(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

/**
 * History at hand: New chat, search, every conversation grouped by when it was last
 * used, and moving conversations in and out (select and export, export all, back up,
 * import). Memoized, so a streaming answer does not re-render it.
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
  const openHit = useCallback((hit: SearchHit) => onOpen(hit.conversationId, hit.messageId, searchWords(search.query)), [onOpen, search.query]);
  const resultsRef = useRef<SearchResultsHandle>(null);

  /** The ticked conversations in selection mode; null outside it. */
  const [selected, setSelected] = useState<ReadonlySet<string> | null>(null);
  const toggleSelect = useCallback((conversationId: string) => setSelected((current) => current && toggled(current, conversationId)), []);
  // In list order, and only those still here (a ticked one may have been deleted since).
  const selectedIds = useMemo(() => (selected ? conversations.filter((item) => selected.has(item.id)).map((item) => item.id) : []), [conversations, selected]);

  const action = useActionStatus();
  const folderExport = useFolderExport(api);
  const exportToFolder = (ids: string[] | null) =>
    void action.run(async () => {
      // Selection mode ends once the export runs; a cancelled folder choice keeps the selection.
      if ((await folderExport.start(ids)) && ids) setSelected(null);
      return null;
    });
  const backUp = () => void action.run(async () => backupOutcome(await api.backUp()));
  const searchRef = useRef<HTMLInputElement>(null);
  useImperativeHandle(props.handle, () => ({
    focusSearch: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    backUp,
  }));
  const titleOf = (conversationId: string) => {
    const summary = conversations.find((item) => item.id === conversationId);
    return summary ? summary.title || UNTITLED : conversationId;
  };
  const empty = conversations.length === 0;

  let list;
  if (loading) list = <p className="sidebar-message muted">Loading conversations…</p>;
  else if (rows.length === 0 && !loadError) list = <p className="sidebar-message muted">No conversations yet.</p>;
  else
    list = (
      <ConversationList
        rows={rows}
        openId={openId}
        onOpen={openConversation}
        onRename={props.onRename}
        onTogglePin={props.onTogglePin}
        onDelete={props.onDelete}
        selected={selected}
        onToggleSelect={toggleSelect}
      />
    );

  return (
    <nav aria-label="Conversations" className="sidebar">
      <div className="sidebar-top">
        <span className="brand">Parley</span>
        <button type="button" aria-pressed={selected !== null} disabled={empty && selected === null} onClick={() => setSelected(selected ? null : new Set())}>
          Select
        </button>
        <button type="button" onClick={props.onNew}>
          New chat
        </button>
      </div>
      <div className="sidebar-search">
        <label htmlFor={`${id}-search`} className="visually-hidden">
          Search conversations
        </label>
        <input
          ref={searchRef}
          id={`${id}-search`}
          type="search"
          placeholder="Search conversations"
          autoComplete="off"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            const results = resultsRef.current;
            let handled = false;
            // Clearing the search is all Escape does here: it must not also stop an answer.
            if (event.key === 'Escape' && query !== '') {
              setQuery('');
              handled = true;
            } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') handled = results?.focusResult(event.key === 'ArrowDown' ? 'first' : 'last') ?? false;
            else if (event.key === 'Enter') handled = results?.openFirst() ?? false;
            if (handled) event.preventDefault();
          }}
        />
      </div>
      {selected && <SelectionBar count={selectedIds.length} onExport={() => exportToFolder(selectedIds)} onCancel={() => setSelected(null)} />}
      {loadError && (
        <div role="alert" className="sidebar-message">
          <p className="error-text">Could not load conversations: {loadError}</p>
          <button type="button" onClick={props.onRetryLoad}>
            Try again
          </button>
        </div>
      )}
      {search.query ? <SearchResults search={search} onOpen={openHit} fieldRef={searchRef} handle={resultsRef} /> : list}
      <UndoToast toast={toast} onUndo={props.onUndo} onDismiss={props.onDismissToast} />
      <div className="sidebar-footer">
        <ActionStatus status={action.status} error={action.error} />
        <div className="sidebar-footer-buttons">
          <button type="button" onClick={props.onImport}>
            Import
          </button>
          <button type="button" disabled={empty} onClick={() => exportToFolder(null)}>
            Export all
          </button>
          <button type="button" onClick={backUp}>
            Back up
          </button>
          <button type="button" onClick={props.onOpenUsage}>
            Usage
          </button>
          <button type="button" onClick={props.onOpenSettings}>
            Settings
          </button>
        </div>
      </div>
      {folderExport.current && <FolderExportDialog job={folderExport.current} titleOf={titleOf} onCancel={folderExport.cancel} onClose={folderExport.close} />}
    </nav>
  );
});
