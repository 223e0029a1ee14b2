import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ConversationSummary } from '../../../shared/ipc';
import { ConversationRow, type RowActions } from './ConversationRow';
import type { SidebarRow } from './groupConversations';

interface ConversationListProps {
  rows: SidebarRow[];
  openId: string;
  onOpen: (id: string) => void;
  onRename: (summary: ConversationSummary, title: string) => void;
  onTogglePin: (summary: ConversationSummary) => void;
  onDelete: (summary: ConversationSummary) => void;
  /** The ticked conversations in selection mode; null outside it. */
  selected: ReadonlySet<string> | null;
  onToggleSelect: (id: string) => void;
}

/** Fixed heights (kept in step with styles.css): the virtualizer never has to measure. */
const HEADER_PX = 30;
const ROW_PX = 38;

const rowKey = (row: SidebarRow) => (row.kind === 'header' ? `group:${row.group}` : row.summary.id);

/**
 * The grouped conversation list, virtualized so that only the rows in view exist.
 * Keyboard: Up/Down/Home/End move between conversations, Enter opens, F2 renames, Delete deletes.
 */
export function ConversationList({ rows, openId, onOpen, onRename, onTogglePin, onDelete, selected, onToggleSelect }: ConversationListProps) {
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

  const actions = useMemo<RowActions>(() => {
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
      onRenameStart: setEditingId,
      onRenameEnd: (summary, title) => {
        setEditingId(null);
        focusRequest.current = summary.id;
        const trimmed = title?.trim() ?? '';
        if (trimmed !== '' && trimmed !== summary.title) onRename(summary, trimmed);
      },
      onTogglePin: (summary) => {
        // The row moves to or from Pinned: focus follows it there.
        keepFocus(summary.id);
        onTogglePin(summary);
      },
      onDelete: remove,
      onToggleSelect,
    };
  }, [order, rows, focusRow, onOpen, onRename, onTogglePin, onDelete, onToggleSelect]);

  const items = virtualizer.getVirtualItems();
  // Exactly one row is reachable with Tab: the keyboard's, else the open one, else the first in view.
  const inView = items.flatMap((item) => {
    const row = rows[item.index];
    return row?.kind === 'conversation' ? [row.summary.id] : [];
  });
  const wanted = [focusId, openId].find((id) => id !== null && inView.includes(id));
  const tabbableId = wanted ?? inView[0];

  return (
    <div ref={scrollRef} className="conversation-scroll">
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
                  selected={selected?.has(row.summary.id)}
                  actions={actions}
                />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
