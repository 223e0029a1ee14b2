import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { ConversationSummary } from '../../../shared/ipc';
import type { ContextMenuItem } from '../../components/ContextMenu';
import { ContextMenu } from '../../components/lazy';
import { conversationMenuItems } from './conversationMenu';
import { ConversationRow, type RowActions } from './ConversationRow';
import type { SidebarRow } from './groupConversations';

interface ConversationListProps {
  rows: SidebarRow[];
  openId: string;
  onOpen: (id: string) => void;
  onRename: (summary: ConversationSummary, title: string) => void;
  onTogglePin: (summary: ConversationSummary) => void;
  onDelete: (summary: ConversationSummary) => void;
  onExport: (id: string) => void;
  onCopyMarkdown: (id: string) => void;
  /** The ticked conversations in selection mode; null outside it. */
  selected: ReadonlySet<string> | null;
  onToggleSelect: (id: string) => void;
}

/** Fixed heights (kept in step with sidebar.css): the virtualizer never has to measure. */
const HEADER_PX = 40;
const ROW_PX = 34;

/** The menu open on one row: under its More button (`end`-aligned) or where it was right-clicked. */
interface RowMenu {
  id: string;
  at: { x: number; y: number };
  align: 'start' | 'end';
}

const rowKey = (row: SidebarRow) => (row.kind === 'header' ? `group:${row.group}` : row.summary.id);

/**
 * The grouped conversation list, virtualized so that only the rows in view exist.
 * Keyboard: Up/Down/Home/End move between conversations, Enter opens, F2 renames, Delete deletes,
 * Shift+F10 or the Menu key opens the row's menu (as do its More button and a right-click).
 */
export function ConversationList({ rows, openId, onOpen, onRename, onTogglePin, onDelete, onExport, onCopyMarkdown, selected, onToggleSelect }: ConversationListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The compiler's warning does not apply: Parley does not use React Compiler, and the
  // virtualizer is read fresh on every render and in event handlers only.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === 'header' ? HEADER_PX : ROW_PX),
    getItemKey: (index) => {
      const row = rows[index];
      return row ? rowKey(row) : index;
    },
    overscan: 10,
  });
  /** The conversation the keyboard is on. */
  const [focusId, setFocusId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [menu, setMenu] = useState<RowMenu | null>(null);
  /** A row that should take focus as soon as it is rendered (it may need a scroll first). */
  const focusRequest = useRef<string | null>(null);

  /** Row indices of the conversations (headers left out), and each conversation's place among them. */
  const order = useMemo(() => {
    const indices: number[] = [];
    const positionOf = new Map<string, number>();
    rows.forEach((row, index) => {
      if (row.kind !== 'conversation') return;
      positionOf.set(row.summary.id, indices.length);
      indices.push(index);
    });
    return { indices, positionOf };
  }, [rows]);

  // A row asked to take focus may first need scrolling into view (it moved, or it was far off).
  useEffect(() => {
    const id = focusRequest.current;
    if (id === null) return;
    const button = scrollRef.current?.querySelector<HTMLElement>(`[data-conversation-id="${id}"]`);
    const position = order.positionOf.get(id);
    if (!button && position !== undefined) {
      virtualizer.scrollToIndex(order.indices[position] ?? 0, { align: 'auto' });
      return;
    }
    button?.focus();
    focusRequest.current = null;
  });

  const focusRow = useCallback((id: string | undefined) => {
    if (id === undefined) return;
    focusRequest.current = id;
    setFocusId(id);
  }, []);

  const actions = useMemo<RowActions & { menuItems: (summary: ConversationSummary) => ContextMenuItem[] }>(() => {
    const { indices, positionOf } = order;
    const idAt = (position: number) => {
      const row = rows[indices[position] ?? -1];
      return row?.kind === 'conversation' ? row.summary.id : undefined;
    };
    /** Keeps keyboard focus in the list when a row's own control started the change. */
    const keepFocus = (id: string | undefined) => {
      if (scrollRef.current?.contains(document.activeElement)) focusRow(id);
    };
    const remove = (summary: ConversationSummary) => {
      // Focus goes to the next conversation, or the one before at the end.
      const position = positionOf.get(summary.id) ?? -1;
      keepFocus(idAt(position + 1) ?? idAt(position - 1));
      onDelete(summary);
    };
    function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, summary: ConversationSummary) {
      const position = positionOf.get(summary.id) ?? -1;
      if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
        const rect = event.currentTarget.getBoundingClientRect();
        setMenu({ id: summary.id, at: { x: rect.left + 16, y: Math.min(rect.bottom, rect.top + 32) }, align: 'start' });
        event.preventDefault();
        // The workspace's own context menu must not open too.
        event.stopPropagation();
        return;
      }
      switch (event.key) {
        case 'ArrowDown':
          focusRow(idAt(position + 1));
          break;
        case 'ArrowUp':
          focusRow(idAt(position - 1));
          break;
        case 'Home':
          focusRow(idAt(0));
          break;
        case 'End':
          focusRow(idAt(indices.length - 1));
          break;
        case 'F2':
          setEditingId(summary.id);
          break;
        case 'Delete':
          remove(summary);
          break;
        default:
          return;
      }
      event.preventDefault();
    }
    return {
      onOpen,
      onKeyDown,
      onFocus: setFocusId,
      onMenu: (summary, button) => {
        const rect = button.getBoundingClientRect();
        setMenu((open) => (open?.id === summary.id ? null : { id: summary.id, at: { x: rect.right, y: rect.bottom + 4 }, align: 'end' }));
      },
      onRenameEnd: (summary, title) => {
        setEditingId(null);
        focusRequest.current = summary.id;
        const trimmed = title?.trim() ?? '';
        if (trimmed !== '' && trimmed !== summary.title) onRename(summary, trimmed);
      },
      onToggleSelect,
      menuItems: (summary: ConversationSummary) =>
        conversationMenuItems(summary, {
          rename: () => setEditingId(summary.id),
          togglePin: () => {
            // The row moves to or from Pinned: focus follows it there.
            keepFocus(summary.id);
            onTogglePin(summary);
          },
          exportFile: () => onExport(summary.id),
          copyMarkdown: () => onCopyMarkdown(summary.id),
          remove: () => remove(summary),
        }),
    };
  }, [order, rows, focusRow, onOpen, onRename, onTogglePin, onDelete, onExport, onCopyMarkdown, onToggleSelect]);

  const items = virtualizer.getVirtualItems();
  // Exactly one row is reachable with Tab: the keyboard's, else the open one, else the first in view.
  const inView = items.flatMap((item) => {
    const row = rows[item.index];
    return row?.kind === 'conversation' ? [row.summary.id] : [];
  });
  const wanted = [focusId, openId].find((id) => id !== null && inView.includes(id));
  const tabbableId = wanted ?? inView[0];

  const onContextMenu = (event: MouseEvent<HTMLDivElement>) => {
    const id = (event.target as Element).closest('.conversation-row')?.querySelector<HTMLElement>('[data-conversation-id]')?.dataset.conversationId;
    if (!id) return;
    event.preventDefault();
    event.stopPropagation();
    scrollRef.current?.querySelector<HTMLElement>(`[data-conversation-id="${id}"]`)?.focus({ preventScroll: true });
    setMenu({ id, at: { x: event.clientX, y: event.clientY }, align: 'start' });
  };
  const menuSummary = menu && rows.find((row) => row.kind === 'conversation' && row.summary.id === menu.id);

  return (
    <div ref={scrollRef} className="conversation-scroll" onContextMenu={onContextMenu}>
      <ul aria-label="Conversations" className="conversation-list" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <li
              key={item.key}
              className={row.kind === 'header' ? 'group-header' : 'conversation-item'}
              style={{ transform: `translateY(${item.start}px)` }}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
            >
              {row.kind === 'header' ? (
                <h2 className="group-label">{row.group}</h2>
              ) : (
                <ConversationRow
                  summary={row.summary}
                  open={row.summary.id === openId}
                  tabbable={row.summary.id === tabbableId}
                  editing={row.summary.id === editingId}
                  menuOpen={row.summary.id === menu?.id}
                  selected={selected?.has(row.summary.id)}
                  actions={actions}
                />
              )}
            </li>
          );
        })}
      </ul>
      {menu && menuSummary?.kind === 'conversation' && (
        <ContextMenu label="Conversation actions" items={actions.menuItems(menuSummary.summary)} at={menu.at} align={menu.align} onClose={() => setMenu(null)} />
      )}
    </div>
  );
}
