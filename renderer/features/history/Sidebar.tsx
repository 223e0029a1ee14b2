import { memo, useCallback, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { ConversationSummary, SearchHit } from '../../../shared/ipc';
import { searchWords } from '../../../shared/searchText';
import { useParley } from '../../lib/ParleyContext';
import { ActionStatus } from '../../components/ActionStatus';
import { ariaKeyShortcuts } from '../../ui/shortcutText';
import { backupOutcome } from '../transfer/backupOutcome';
import { useActionStatus } from '../../lib/useActionStatus';
import { Icons } from '../../ui/icons';
import { shortcutLabel } from '../../ui/shortcutText';
import { SidebarToggle } from '../topbar/SidebarToggle';
import { FolderExportDialog } from '../transfer/lazy';
import { useConversationMarkdown } from '../transfer/useConversationMarkdown';
import { SelectionBar } from '../transfer/SelectionBar';
import { useFolderExport } from '../transfer/useFolderExport';
import { ConversationList } from './ConversationList';
import { groupConversations } from './groupConversations';
import { SearchResults } from './lazy';
import type { SearchResultsHandle } from './SearchResults';
import { UndoToast, type Toast } from './UndoToast';
import { UNTITLED } from './untitled';
import { useConversationSearch } from './useConversationSearch';
import { useToday } from './useToday';
import './sidebar.css';

interface SidebarProps {
  /** Out of view (collapsed, or the drawer closed): inert, so nothing in it takes focus. */
  hidden: boolean;
  toggleRef?: Ref<HTMLButtonElement>;
  onToggle: () => void;
  /** Escape inside it: closes the drawer (undefined when docked). */
  onEscape?: () => void;
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
  onOpenUsage: () => void;
  /** For the app's commands (Cmd/Ctrl+K, the menu's Back up). */
  handle?: Ref<SidebarHandle>;
}

export interface SidebarHandle {
  focusSearch(): void;
  backUp(): void;
  exportAll(): void;
  /** Selection mode: tick conversations to export them. */
  startSelecting(): void;
}

const ariaKeys = (key: string) => ariaKeyShortcuts({ key });

function toggled(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

/**
 * History at hand: New chat, search, every conversation grouped by when it was last used
 * (each with its actions menu), Usage and Settings. It also runs the moves that Settings
 * starts (select and export, export all, back up), whose progress it shows.
 * Memoized, so a streaming answer does not re-render it.
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
    exportAll: () => exportToFolder(null),
    startSelecting: () => setSelected(new Set()),
  }));
  const markdown = useConversationMarkdown();
  const titleOf = (conversationId: string) => {
    const summary = conversations.find((item) => item.id === conversationId);
    return summary ? summary.title || UNTITLED : conversationId;
  };

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
        onExport={markdown.exportFile}
        onCopyMarkdown={markdown.copy}
        selected={selected}
        onToggleSelect={toggleSelect}
      />
    );

  const NewChatIcon = Icons.newChat;
  const SearchIcon = Icons.search;
  const UsageIcon = Icons.usage;
  const SettingsIcon = Icons.settings;
  return (
    <nav
      aria-label="Conversations"
      className="sidebar"
      inert={props.hidden}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented || !props.onEscape) return;
        event.preventDefault();
        props.onEscape();
      }}
    >
      <div className="sidebar-head">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          Parley
        </span>
        <SidebarToggle ref={props.toggleRef} expanded={!props.hidden} onToggle={props.onToggle} />
      </div>
      <div className="sidebar-commands">
        <button type="button" className="sidebar-command" aria-keyshortcuts={ariaKeys('N')} onClick={props.onNew}>
          <NewChatIcon aria-hidden="true" focusable="false" size={18} strokeWidth={1.75} />
          <span className="sidebar-command-label">New chat</span>
          <kbd aria-hidden="true">{shortcutLabel({ key: 'N' })}</kbd>
        </button>
        <div className="sidebar-search">
          <SearchIcon aria-hidden="true" focusable="false" size={18} strokeWidth={1.75} />
          <label htmlFor={`${id}-search`} className="visually-hidden">
            Search conversations
          </label>
          <input
            ref={searchRef}
            id={`${id}-search`}
            type="search"
            placeholder="Search"
            autoComplete="off"
            aria-keyshortcuts={ariaKeys('K')}
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
          {query === '' && <kbd aria-hidden="true">{shortcutLabel({ key: 'K' })}</kbd>}
        </div>
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
      <div className="sidebar-status">
        <ActionStatus status={action.status || markdown.status} error={action.error ?? markdown.error} />
      </div>
      <div className="sidebar-footer">
        <button type="button" className="sidebar-command" onClick={props.onOpenUsage}>
          <UsageIcon aria-hidden="true" focusable="false" size={18} strokeWidth={1.75} />
          Usage
        </button>
        <button type="button" className="sidebar-command" aria-keyshortcuts={ariaKeys(',')} onClick={props.onOpenSettings}>
          <SettingsIcon aria-hidden="true" focusable="false" size={18} strokeWidth={1.75} />
          Settings
        </button>
      </div>
      {folderExport.current && <FolderExportDialog job={folderExport.current} titleOf={titleOf} onCancel={folderExport.cancel} onClose={folderExport.close} />}
    </nav>
  );
});
