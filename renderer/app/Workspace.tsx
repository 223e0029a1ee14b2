import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { AppCommand } from '../../shared/appCommands';
import { ConversationPane } from '../features/chat/ConversationPane';
import { useWorkspaceChat } from '../features/chat/useWorkspaceChat';
import { useChatSettingsSheet } from '../features/chatsettings/useChatSettingsSheet';
import { Sidebar, type SidebarHandle } from '../features/history/Sidebar';
import { useConversationHistory } from '../features/history/useConversationHistory';
import { ModelsProvider } from '../features/models/ModelsProvider';
import { ProblemAlert } from '../features/notices/ProblemAlert';
import { useProblem } from '../features/notices/useProblem';
import { PromptsDialog } from '../features/prompts/lazy';
import { useSettings } from '../features/settings/settingsContext';
import { ShortcutsSheet } from '../features/shortcuts/lazy';
import { useAppCommands } from '../features/shortcuts/useAppCommands';
import { ConversationTopBar } from '../features/topbar/ConversationTopBar';
import { DataActions } from '../features/transfer/lazy';
import { ImportFlow } from '../features/transfer/ImportFlow';
import { useImportFlow } from '../features/transfer/useImportFlow';
import { UsageDialog } from '../features/usage/lazy';
import { useParley } from '../lib/ParleyContext';
import { saveOrDownload } from '../lib/saveOrDownload';
import { useRegionCycle } from './regionCycle';
import './shell.css';
import { useSidebarLayout } from './useSidebarLayout';

interface WorkspaceProps {
  onOpenSettings: () => void;
  onCloseSettings: () => void;
  /** Settings, when open, given the workspace's part of it (moving conversations in and out). */
  settingsDialog: (data: ReactNode) => ReactNode;
}

/**
 * The window's layout once a key is set: the sidebar (docked or a drawer), the top bar and the
 * open conversation, and which sheet or dialog is over them, opened by the app's commands.
 * The features keep their own state and learn of changes from main themselves.
 */
export function Workspace({ onOpenSettings, onCloseSettings, settingsDialog }: WorkspaceProps) {
  const api = useParley();
  const { value: settings } = useSettings();
  const { problem, report, dismiss } = useProblem();
  const workspaceChat = useWorkspaceChat(report);
  const { openId, open, startNew, chat, choices } = workspaceChat;
  const history = useConversationHistory({ openId, startNew, report });
  const importer = useImportFlow();
  const chatSettings = useChatSettingsSheet();

  const sidebar = useRef<SidebarHandle>(null);
  const focusSearch = useCallback(() => sidebar.current?.focusSearch(), []);
  const layout = useSidebarLayout(focusSearch);
  const { closeDrawer } = layout;
  // Choosing a conversation or starting one closes the drawer, as a phone's menu would.
  const openFromSidebar = useCallback(
    (id: string, messageId: string | null, words?: string[]) => {
      closeDrawer(false);
      open(id, messageId, words);
    },
    [closeDrawer, open],
  );
  const newFromSidebar = useCallback(() => {
    closeDrawer(false);
    startNew();
  }, [closeDrawer, startNew]);
  /** A move started in Settings: Settings closes first, so what it opens is in front. */
  const fromSettings = (action: () => void) => {
    onCloseSettings();
    action();
  };

  /** The modal sheet over the workspace (the prompt library: opened from a new chat's empty state). */
  const [sheet, setSheet] = useState<'shortcuts' | 'usage' | 'prompts' | null>(null);
  const closeSheet = () => setSheet(null);
  const openUsage = useCallback(() => setSheet('usage'), []);
  const openAdjacent = (step: -1 | 1) => {
    const id = history.adjacent(step);
    if (id) open(id, null);
  };
  const commands: Partial<Record<AppCommand, () => void>> = {
    'new-chat': startNew,
    search: () => (layout.visible ? focusSearch() : layout.toggle()),
    'toggle-sidebar': layout.toggle,
    settings: onOpenSettings,
    // A new chat has nothing saved to export yet.
    export: () =>
      void (chat.conversation.stored && api.exportConversation({ id: openId }).then(saveOrDownload, (error: unknown) => report('Could not export the conversation', error))),
    shortcuts: () => setSheet('shortcuts'),
    'back-up': () => sidebar.current?.backUp(),
    import: importer.open,
    'previous-conversation': () => openAdjacent(-1),
    'next-conversation': () => openAdjacent(1),
    usage: openUsage,
  };
  useAppCommands(api, (command) => commands[command]?.());
  useRegionCycle();

  return (
    <ModelsProvider value={workspaceChat.models}>
      <div className="shell" data-sidebar={layout.mode}>
        {layout.mode === 'drawer' && <div className="shell-scrim" aria-hidden="true" onClick={() => closeDrawer(true)} />}
        <Sidebar
          {...history.sidebar}
          handle={sidebar}
          hidden={!layout.visible}
          toggleRef={layout.sidebarToggle}
          onToggle={layout.toggle}
          onEscape={layout.mode === 'drawer' ? () => closeDrawer(true) : undefined}
          openId={openId}
          onNew={newFromSidebar}
          onOpen={openFromSidebar}
          onOpenSettings={onOpenSettings}
          onOpenUsage={openUsage}
        />
        <div className="shell-main" inert={layout.mode === 'drawer'}>
          <ConversationTopBar
            workspaceChat={workspaceChat}
            summary={history.openSummary}
            onRename={history.rename}
            chatSettings={chatSettings}
            sidebarVisible={layout.visible}
            onToggleSidebar={layout.toggle}
            sidebarToggleRef={layout.barToggle}
          />
          <ProblemAlert problem={problem} onDismiss={dismiss} />
          <ConversationPane
            workspaceChat={workspaceChat}
            chatSettings={chatSettings}
            report={report}
            onOpenSettings={onOpenSettings}
            onOpenPrompts={() => setSheet('prompts')}
            onImport={importer.open}
          />
        </div>
        {settingsDialog(
          <DataActions
            empty={history.items.length === 0}
            onImport={() => fromSettings(importer.open)}
            onExportAll={() => fromSettings(() => sidebar.current?.exportAll())}
            onBackUp={() => fromSettings(() => sidebar.current?.backUp())}
            onSelect={() =>
              fromSettings(() => {
                if (!layout.visible) layout.toggle();
                sidebar.current?.startSelecting();
              })
            }
          />,
        )}
        <ImportFlow flow={importer} />
        {sheet === 'shortcuts' && <ShortcutsSheet onClose={closeSheet} />}
        {sheet === 'prompts' && <PromptsDialog onApply={choices.changeSystemPrompt} onClose={closeSheet} />}
        {sheet === 'usage' && <UsageDialog project={settings.project} onClose={closeSheet} />}
      </div>
    </ModelsProvider>
  );
}
