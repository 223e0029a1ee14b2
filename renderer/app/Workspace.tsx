import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppCommand } from '../../shared/appCommands';
import { ContextMenu } from '../components/ContextMenu';
import { ChatView } from '../features/chat/ChatView';
import { ConversationStats } from '../features/chat/ConversationStats';
import { useChat, type ChatDefaults } from '../features/chat/useChat';
import { useConversationChoices } from '../features/chat/useConversationChoices';
import { useEndpoints } from '../features/endpoints/useEndpoints';
import { Sidebar, type SidebarHandle } from '../features/history/Sidebar';
import { UNTITLED } from '../features/history/untitled';
import { useConversationActions } from '../features/history/useConversationActions';
import { useConversationList } from '../features/history/useConversationList';
import { RemoteImagesContext } from '../features/markdown/remoteImages';
import { useModelCatalogueState } from '../features/models/modelCatalogue';
import { useModelsState } from '../features/models/modelsContext';
import { ModelPicker } from '../features/models/ModelPicker';
import { EndpointMissing } from '../features/endpoints/EndpointMissing';
import { EndpointSelect } from '../features/endpoints/EndpointSelect';
import { TopBar } from '../features/topbar/TopBar';
import { paramsSummary } from '../../shared/chatParams';
import { CatalogueBanner } from '../features/models/CatalogueBanner';
import { ModelsProvider } from '../features/models/ModelsProvider';
import { defaultPromptText } from '../features/prompts/defaultPrompt';
import { PromptsDialog } from '../features/prompts/PromptsDialog';
import { usePromptLibrary } from '../features/prompts/promptLibraryContext';
import { useSettings } from '../features/settings/settingsContext';
import { ShortcutsSheet } from '../features/shortcuts/ShortcutsSheet';
import { useAppCommands } from '../features/shortcuts/useAppCommands';
import { DropOverlay } from '../features/transfer/DropOverlay';
import { ImportDialog } from '../features/transfer/ImportDialog';
import type { PickedFile } from '../features/transfer/importSource';
import { useFileDrop } from '../features/transfer/useFileDrop';
import { useImport } from '../features/transfer/useImport';
import { UsageDialog } from '../features/usage/UsageDialog';
import { toAppError } from '../lib/errors';
import { useParley } from '../lib/ParleyContext';
import { saveOrDownload } from '../lib/saveOrDownload';
import { adjacentConversation } from '../features/history/adjacentConversation';
import { useRegionCycle } from './regionCycle';
import { ChatSettingsSheet } from '../features/chatsettings/ChatSettingsSheet';
import { ConversationTools } from '../features/chatsettings/ConversationTools';
import { DataActions } from '../features/transfer/DataActions';
import './shell.css';
import { useOpenConversation } from '../features/chat/useOpenConversation';
import { useRemoteImagesThroughMain } from '../features/chat/useRemoteImagesThroughMain';
import { useSidebarLayout } from './useSidebarLayout';
import { useMessageContextMenu } from '../features/chat/useMessageContextMenu';

interface WorkspaceProps {
  onOpenSettings: () => void;
  onCloseSettings: () => void;
  /** Settings, when open, given the workspace's part of it (moving conversations in and out). */
  settingsDialog: (data: ReactNode) => ReactNode;
}

/**
 * The history sidebar and the open conversation: their layout, which conversation is open,
 * what the app's commands do, and the dialogs over them. The features keep their own state
 * and learn of changes from main (sends, titles, imports, Settings) themselves.
 */
export function Workspace({ onOpenSettings, onCloseSettings, settingsDialog }: WorkspaceProps) {
  const api = useParley();
  const { value: settings } = useSettings();
  const { value: library } = usePromptLibrary();
  const [problem, setProblem] = useState<string | null>(null);
  const report = useCallback((what: string, error: unknown) => setProblem(`${what}: ${toAppError(error).message}`), []);

  const list = useConversationList(api);
  const models = useModelsState(api);
  const defaults: ChatDefaults = {
    model: settings.defaultModel,
    systemPrompt: defaultPromptText(library),
    params: settings.defaultParams,
    endpointId: settings.defaultEndpointId,
  };
  const chat = useChat(api, defaults, useMemo(() => ({ onModelUsed: models.markUsed }), [models.markUsed]));
  const choices = useConversationChoices(
    api,
    chat,
    useCallback((error: unknown) => report('Could not save the conversation', error), [report]),
  );
  const { openId, opening, target, open, startNew } = useOpenConversation(api, chat, { defaults, beforeLeaving: choices.flush, report });
  const openFork = useCallback((id: string) => open(id, null), [open]);
  const stored = chat.conversation.stored;

  const actions = useConversationActions(api, list, { openId, onDeletedOpen: startNew, report });
  const endpoints = useEndpoints(api);
  const catalogue = useModelCatalogueState(api, chat.conversation.endpointId);
  const modelsValue = useMemo(() => ({ ...models, ...catalogue, choose: choices.chooseModel }), [models, catalogue, choices.chooseModel]);

  const importer = useImport(api);
  const { importFiles, state: importState } = importer;
  const importPicked = useCallback(
    (picked: PickedFile[] | Promise<PickedFile[]>) => void importFiles(picked, importState.duplicates),
    [importFiles, importState.duplicates],
  );
  const dragging = useFileDrop(importPicked);

  const summary = useMemo(() => list.items.find((item) => item.id === openId), [list.items, openId]);
  const title = summary?.title || chat.conversation.title || UNTITLED;

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
  const [chatSettingsOpen, setChatSettingsOpen] = useState(false);
  const chatSettingsButton = useRef<HTMLButtonElement>(null);
  const closeChatSettings = () => {
    setChatSettingsOpen(false);
    chatSettingsButton.current?.focus();
  };
  const { conversation } = chat;
  const chatSettingsSummary = [conversation.systemPrompt.trim() ? 'System prompt' : '', paramsSummary(conversation.params)].filter(Boolean).join(' · ');
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [usageOpen, setUsageOpen] = useState(false);
  /** The prompt library opened from a new chat's empty state. */
  const [promptsOpen, setPromptsOpen] = useState(false);
  const openUsage = useCallback(() => setUsageOpen(true), []);
  const exportConversation = (id: string) =>
    api.exportConversation({ id }).then(saveOrDownload, (error: unknown) => report('Could not export the conversation', error));
  const openAdjacent = (step: -1 | 1) => {
    const id = adjacentConversation(list.items, openId, step, Date.now());
    if (id) open(id, null);
  };
  const commands: Partial<Record<AppCommand, () => void>> = {
    'new-chat': startNew,
    search: () => (layout.visible ? focusSearch() : layout.toggle()),
    'toggle-sidebar': layout.toggle,
    settings: onOpenSettings,
    // A new chat has nothing saved to export yet.
    export: () => void (stored && exportConversation(openId)),
    shortcuts: () => setShortcutsOpen(true),
    'back-up': () => sidebar.current?.backUp(),
    import: importer.open,
    'previous-conversation': () => openAdjacent(-1),
    'next-conversation': () => openAdjacent(1),
    usage: openUsage,
  };
  useAppCommands(api, (command) => commands[command]?.());
  useRegionCycle();
  const remoteImages = useRemoteImagesThroughMain(api, settings.remoteImages);
  const contextMenu = useMessageContextMenu({
    messageText: (id) => chat.conversation.messages.find((message) => message.id === id)?.content,
    copy: (text) => navigator.clipboard.writeText(text).catch((error: unknown) => report('Could not copy the message', error)),
  });

  return (
    <RemoteImagesContext value={remoteImages}>
      <ModelsProvider value={modelsValue}>
        <div className="shell" data-sidebar={layout.mode} onContextMenu={contextMenu.onContextMenu} onKeyDown={contextMenu.onKeyDown}>
          {layout.mode === 'drawer' && <div className="shell-scrim" aria-hidden="true" onClick={() => closeDrawer(true)} />}
          <Sidebar
            handle={sidebar}
            hidden={!layout.visible}
            toggleRef={layout.sidebarToggle}
            onToggle={layout.toggle}
            onEscape={layout.mode === 'drawer' ? () => closeDrawer(true) : undefined}
            conversations={list.items}
            loading={list.loading}
            loadError={list.error}
            openId={openId}
            toast={actions.toast}
            onRetryLoad={list.retry}
            onNew={newFromSidebar}
            onOpen={openFromSidebar}
            onRename={actions.rename}
            onTogglePin={actions.togglePin}
            onDelete={actions.deleteConversation}
            onUndo={actions.undo}
            onDismissToast={actions.dismissToast}
            onOpenSettings={onOpenSettings}
            onOpenUsage={openUsage}
          />
          <div className="shell-main" inert={layout.mode === 'drawer'}>
            <TopBar
              title={title}
              // A conversation not saved yet has nothing in history to rename.
              onRename={summary ? (next) => actions.rename(summary, next) : undefined}
              conversationId={conversation.id}
              saved={conversation.stored}
              stats={<ConversationStats messages={conversation.messages} />}
              endpoint={<EndpointSelect endpoints={endpoints} value={conversation.endpointId} onChange={choices.chooseEndpoint} />}
              model={<ModelPicker value={conversation.model} onChange={choices.chooseModel} />}
              chatSettingsSummary={chatSettingsSummary}
              chatSettingsOpen={chatSettingsOpen}
              onToggleChatSettings={() => (chatSettingsOpen ? closeChatSettings() : setChatSettingsOpen(true))}
              chatSettingsRef={chatSettingsButton}
              sidebarHidden={!layout.visible}
              sidebarExpanded={layout.visible}
              onToggleSidebar={layout.toggle}
              sidebarToggleRef={layout.barToggle}
              onNewChat={startNew}
            />
            {problem && (
              <div role="alert" className="problem">
                <p>{problem}</p>
                <button type="button" onClick={() => setProblem(null)}>
                  Dismiss
                </button>
              </div>
            )}
            {/* Keyed: an add that failed for one conversation must not show on the next. */}
            <EndpointMissing key={conversation.id} endpoints={endpoints} value={conversation.endpointId} onRecreated={choices.chooseEndpoint} />
            <CatalogueBanner endpoint={endpoints.find((endpoint) => endpoint.id === conversation.endpointId)} onOpenSettings={onOpenSettings} />
            <div className="shell-body">
              <ChatView chat={chat} onChooseToolServers={choices.chooseToolServers} loading={opening} target={target} onOpenSettings={onOpenSettings} onOpenConversation={openFork} onOpenPrompts={() => setPromptsOpen(true)} onImport={importer.open} />
              {chatSettingsOpen && (
                <ChatSettingsSheet
                  systemPrompt={conversation.systemPrompt}
                  onSystemPromptChange={choices.changeSystemPrompt}
                  onClose={closeChatSettings}
                  tools={
                    <ConversationTools
                      model={conversation.model}
                      params={conversation.params}
                      onParams={choices.changeParams}
                      onApplyPrompt={choices.changeSystemPrompt}
                    />
                  }
                />
              )}
            </div>
          </div>
          {settingsDialog(
            <DataActions
              empty={list.items.length === 0}
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
          {importState.open && <ImportDialog state={importState} onDuplicates={importer.setDuplicates} onFiles={importPicked} onStop={importer.stop} onClose={importer.close} />}
          <DropOverlay active={dragging} />
          {shortcutsOpen && <ShortcutsSheet onClose={() => setShortcutsOpen(false)} />}
          {contextMenu.menu && <ContextMenu {...contextMenu.menu} onClose={contextMenu.close} />}
          {promptsOpen && <PromptsDialog onApply={choices.changeSystemPrompt} onClose={() => setPromptsOpen(false)} />}
          {usageOpen && <UsageDialog project={settings.project} onClose={() => setUsageOpen(false)} />}
        </div>
      </ModelsProvider>
    </RemoteImagesContext>
  );
}
