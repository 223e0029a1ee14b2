import { useCallback, useMemo, useRef, useState } from 'react';
import type { AppCommand } from '../../shared/appCommands';
import { ContextMenu } from '../components/ContextMenu';
import { ChatView } from '../features/chat/ChatView';
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
import { adjacentConversation } from './adjacentConversation';
import { ConversationTools } from './ConversationTools';
import { useOpenConversation } from './useOpenConversation';
import { useRemoteImagesThroughMain } from './useRemoteImages';
import { useWorkspaceContextMenu } from './useWorkspaceContextMenu';

interface WorkspaceProps {
  onOpenSettings: () => void;
}

/**
 * The history sidebar and the open conversation: their layout, which conversation is open,
 * what the app's commands do, and the dialogs over them. The features keep their own state
 * and learn of changes from main (sends, titles, imports, Settings) themselves.
 */
export function Workspace({ onOpenSettings }: WorkspaceProps) {
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
    search: () => sidebar.current?.focusSearch(),
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
  const remoteImages = useRemoteImagesThroughMain(api, settings.remoteImages);
  const contextMenu = useWorkspaceContextMenu({
    exportConversation: (id) => void exportConversation(id),
    messageText: (id) => chat.conversation.messages.find((message) => message.id === id)?.content,
    copy: (text) => navigator.clipboard.writeText(text).catch((error: unknown) => report('Could not copy the message', error)),
  });

  return (
    <RemoteImagesContext value={remoteImages}>
      <ModelsProvider value={modelsValue}>
        <div className="workspace" onContextMenu={contextMenu.onContextMenu} onKeyDown={contextMenu.onKeyDown}>
          <Sidebar
            handle={sidebar}
            conversations={list.items}
            loading={list.loading}
            loadError={list.error}
            openId={openId}
            toast={actions.toast}
            onRetryLoad={list.retry}
            onNew={startNew}
            onOpen={open}
            onRename={actions.rename}
            onTogglePin={actions.togglePin}
            onDelete={actions.deleteConversation}
            onUndo={actions.undo}
            onDismissToast={actions.dismissToast}
            onOpenSettings={onOpenSettings}
            onImport={importer.open}
            onOpenUsage={openUsage}
          />
          <div className="workspace-chat">
            {problem && (
              <div role="alert" className="problem">
                <p>{problem}</p>
                <button type="button" onClick={() => setProblem(null)}>
                  Dismiss
                </button>
              </div>
            )}
            <ChatView
              chat={chat}
              title={title}
              loading={opening}
              target={target}
              onModelChange={choices.chooseModel}
              onSystemPromptChange={choices.changeSystemPrompt}
              onOpenSettings={onOpenSettings}
              tools={
                <ConversationTools
                  model={chat.conversation.model}
                  params={chat.conversation.params}
                  onParams={choices.changeParams}
                  onApplyPrompt={choices.changeSystemPrompt}
                />
              }
              endpoints={endpoints}
              onEndpointChange={choices.chooseEndpoint}
              onOpenPrompts={() => setPromptsOpen(true)}
              onImport={importer.open}
            />
          </div>
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
