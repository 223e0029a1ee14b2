import { useRef, useState, type ReactNode, type Ref } from 'react';
import { ActionStatus } from '../../components/ActionStatus';
import type { ContextMenuItem } from '../../components/ContextMenu';
import { ContextMenu } from '../../components/lazy';
import { IconButton } from '../../ui/IconButton';
import { Icons } from '../../ui/icons';
import { useTooltip } from '../../ui/useTooltip';
import { RenameField } from '../history/RenameField';
import { useConversationMarkdown } from '../transfer/useConversationMarkdown';
import { ChatSettingsButton } from './ChatSettingsButton';
import { SidebarToggle } from './SidebarToggle';
import { useGiveWay } from './useGiveWay';
import './topbar.css';

interface TopBarProps {
  title: string;
  conversationId: string;
  /** A new chat has nothing in history to export until its first message is saved. */
  saved: boolean;
  /** The conversation's totals (a group named "Conversation totals"), or nothing yet. */
  stats: ReactNode;
  /** The endpoint chooser (it draws nothing with one endpoint) and the Model chip. */
  endpoint: ReactNode;
  model: ReactNode;
  /** What the Chat settings button summarises ("System prompt · temperature 0.4"), empty when nothing is set. */
  chatSettingsSummary: string;
  chatSettingsOpen: boolean;
  onToggleChatSettings: () => void;
  chatSettingsRef?: Ref<HTMLButtonElement>;
  /** The sidebar is out of view: the bar offers its toggle and New chat at its start. */
  sidebarHidden: boolean;
  sidebarExpanded: boolean;
  onToggleSidebar: () => void;
  sidebarToggleRef?: Ref<HTMLButtonElement>;
  onNewChat: () => void;
  /** Renames the conversation (a double-click on the title); absent while it is not saved yet. */
  onRename?: (title: string) => void;
}

/**
 * The one bar above the conversation (48 px): its title, then what is said about it, the
 * endpoint and model, Chat settings and More. As the bar narrows, the parts give way in a set
 * order (useGiveWay) so that the title always keeps at least 120 px.
 */
export function TopBar({
  title,
  conversationId,
  saved,
  stats,
  endpoint,
  model,
  chatSettingsSummary,
  chatSettingsOpen,
  onToggleChatSettings,
  chatSettingsRef,
  sidebarHidden,
  sidebarExpanded,
  onToggleSidebar,
  sidebarToggleRef,
  onNewChat,
  onRename,
}: TopBarProps) {
  const bar = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const fits = useGiveWay(bar, heading);
  const markdown = useConversationMarkdown();
  const titleTip = useTooltip({ label: title, placement: 'below' });
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const [renaming, setRenaming] = useState(false);

  const menuItems: ContextMenuItem[] = saved
    ? [
        { label: 'Export as Markdown', icon: Icons.export, onSelect: () => markdown.exportFile(conversationId) },
        { label: 'Copy as Markdown', icon: Icons.copy, onSelect: () => markdown.copy(conversationId) },
      ]
    : [];

  return (
    <header ref={bar} className="top-bar">
      {sidebarHidden && (
        <>
          <SidebarToggle ref={sidebarToggleRef} expanded={sidebarExpanded} onToggle={onToggleSidebar} />
          <IconButton label="New chat" icon={Icons.newChat} shortcut={{ key: 'N' }} placement="below" onClick={onNewChat} />
        </>
      )}
      {renaming && onRename ? (
        // Still the page's h1 while it is edited, with the field in its place.
        <h1 ref={heading} className="top-bar-title">
          <RenameField
            title={title}
            onDone={(next) => {
              setRenaming(false);
              if (next !== null && next.trim() !== '' && next.trim() !== title) onRename(next.trim());
            }}
          />
        </h1>
      ) : (
        <h1 ref={heading} {...titleTip.triggerProps} className={`top-bar-title ${titleTip.triggerProps.className}`} onDoubleClick={onRename && (() => setRenaming(true))}>
          {title}
        </h1>
      )}
      {titleTip.tooltip}
      {fits.stats && stats}
      <div className={fits.status ? 'top-bar-status' : 'top-bar-status visually-hidden'}>
        <ActionStatus status={markdown.status} error={markdown.error} />
      </div>
      <div className="top-bar-end">
        {endpoint}
        {model}
        <ChatSettingsButton
          ref={chatSettingsRef}
          summary={chatSettingsSummary}
          showSummary={fits.summary}
          open={chatSettingsOpen}
          onToggle={onToggleChatSettings}
        />
        <IconButton
          label="More"
          icon={Icons.more}
          placement="below"
          aria-haspopup="menu"
          aria-expanded={menuAt !== null}
          // A new chat has nothing to export, copy or count until its first message is saved.
          disabled={!saved}
          onClick={(event) => {
            const rect = event.currentTarget.getBoundingClientRect();
            setMenuAt(menuAt ? null : { x: rect.right, y: rect.bottom + 4 });
          }}
        />
      </div>
      {menuAt && (
        <ContextMenu label="More" items={menuItems} header={fits.stats ? undefined : stats} at={menuAt} align="end" onClose={() => setMenuAt(null)} />
      )}
    </header>
  );
}
