import { useCallback, useMemo, useRef, useState } from 'react';
import type { ConversationPatch } from '../../preload/api';
import type { AppCommand } from '../../preload/appCommands';
import type { ChatParams, ConversationSummary, PromptLibrary, Settings, SettingsPatch } from '../../preload/contract';
import { ContextMenu } from '../components/ContextMenu';
import { ChatView } from '../features/chat/ChatView';
import type { MessageTarget } from '../features/chat/MessageList';
import { useChat, type ChatEvents } from '../features/chat/useChat';
import { Sidebar, type SidebarHandle } from '../features/history/Sidebar';
import type { Toast } from '../features/history/UndoToast';
import { UNTITLED } from '../features/history/untitled';
import { useConversationList } from '../features/history/useConversationList';
import { useConversationSaver } from '../features/history/useConversationSaver';
import { DropOverlay } from '../features/transfer/DropOverlay';
import { ImportDialog } from '../features/transfer/ImportDialog';
import type { PickedFile } from '../features/transfer/importSource';
import { useFileDrop } from '../features/transfer/useFileDrop';
import { useImport } from '../features/transfer/useImport';
import { ShortcutsSheet } from '../features/shortcuts/ShortcutsSheet';
import { useAppCommands } from '../features/shortcuts/useAppCommands';
import { useEndpoints } from '../features/endpoints/useEndpoints';
import { toAppError } from '../lib/errors';
import { saveOrDownload } from '../lib/saveOrDownload';
import { adjacentConversation } from './adjacentConversation';
import { RemoteImagesContext } from '../features/markdown/remoteImages';
import { useParley } from './ParleyContext';
import { useRemoteImagesThroughMain } from './useRemoteImages';
import { useWorkspaceContextMenu } from './useWorkspaceContextMenu';
import { useModelsState } from '../features/models/modelsContext';
import { useModelCatalogueState } from '../features/models/modelCatalogue';
import { ModelsProvider } from '../features/models/ModelsProvider';
import { UsageDialog } from '../features/usage/UsageDialog';
import { ConversationTools } from './ConversationTools';
import { defaultPromptText } from '../features/prompts/defaultPrompt';

interface WorkspaceProps {
  settings: Settings;
  prompts: PromptLibrary;
  onSettings: (settings: Settings) => void;
  onPrompts: (prompts: PromptLibrary) => void;
  onOpenSettings: () => void;
  /** Changes when Settings changed the endpoints, so the selector reloads them. */
  endpointsVersion?: number;
}

interface DeletedToast extends Toast {
  summary: ConversationSummary;
}

/**
 * The history sidebar and the open conversation, and what ties them together: opening,
 * new chats, renames, pins, deletes with undo, imports (chosen or dropped on the window),
 * and keeping the list in step with sends.
 */
export function Workspace({ settings, prompts, onSettings, onPrompts, onOpenSettings, endpointsVersion = 0 }: WorkspaceProps) {
  const api = useParley();
  const list = useConversationList(api);
  const { upsert, touch, remove, restore, refreshHead, refreshAll } = list;
  const [problem, setProblem] = useState<string | null>(null);
  const [toast, setToast] = useState<DeletedToast | null>(null);
  const [opening, setOpening] = useState(false);
  const [target, setTarget] = useState<MessageTarget | null>(null);
  /** Counts opens, so a slow one that was overtaken is dropped. */
  const openTicket = useRef(0);
  const toastCount = useRef(0);

  const report = useCallback((what: string, error: unknown) => setProblem(`${what}: ${toAppError(error).message}`), []);
  const models = useModelsState(api, { settings, onSettings });
  const { markUsed } = models;
  const [usageOpen, setUsageOpen] = useState(false);
  const openUsage = useCallback(() => setUsageOpen(true), []);

  const events = useMemo<ChatEvents>(
    () => ({
      onActivity: (id, fields) => {
        touch(id, fields);
        markUsed(fields.model);
      },
      onTurnEnd: (id, result, first) => {
        if (!first || result.status !== 'complete') return refreshHead();
        // Naming never holds up the chat; main's fallback title shows meanwhile.
        api.autoTitle(id).then(upsert, (error: unknown) => {
          console.warn('Could not title the conversation', error);
          refreshHead();
        });
      },
    }),
    [api, touch, upsert, refreshHead, markUsed],
  );
  const defaultSystemPrompt = defaultPromptText(prompts);
  const chatDefaults = { model: settings.defaultModel, systemPrompt: defaultSystemPrompt, params: settings.defaultParams, endpointId: settings.defaultEndpointId };
  const chat = useChat(api, chatDefaults, events);
  const { startNew: startNewChat, open: openChat, setModel, setSystemPrompt, setParams, setEndpoint } = chat;
  const endpoints = useEndpoints(api, endpointsVersion);
  const catalogue = useModelCatalogueState(api, chat.conversation.endpointId);
  const openId = chat.conversation.id;
  const stored = chat.conversation.stored;

  const onSaveError = useCallback((error: unknown) => report('Could not save the conversation', error), [report]);
  const { saveModel, saveEndpoint, saveSystemPrompt, saveParams, flush } = useConversationSaver(api, upsert, onSaveError);

  const startNew = useCallback(() => {
    flush();
    // A conversation still loading must not replace the new chat when it arrives.
    openTicket.current += 1;
    setOpening(false);
    setTarget(null);
    startNewChat({ model: settings.defaultModel, systemPrompt: defaultSystemPrompt, params: settings.defaultParams, endpointId: settings.defaultEndpointId });
  }, [flush, startNewChat, settings.defaultModel, defaultSystemPrompt, settings.defaultParams, settings.defaultEndpointId]);

  const open = useCallback(
    (id: string, messageId: string | null) => {
      const jump = messageId === null ? null : { messageId };
      if (id === openId) {
        if (jump) setTarget(jump);
        return;
      }
      flush();
      const ticket = ++openTicket.current;
      setOpening(true);
      api.getConversation(id).then(
        (conversation) => {
          if (ticket !== openTicket.current) return;
          setOpening(false);
          setTarget(jump);
          openChat(conversation);
        },
        (error: unknown) => {
          if (ticket !== openTicket.current) return;
          setOpening(false);
          report('Could not open the conversation', error);
        },
      );
    },
    [api, openId, flush, openChat, report],
  );

  /** Shows a change at once, keeps main's answer, and puts the old summary back if main refuses. */
  const patch = useCallback(
    (summary: ConversationSummary, change: ConversationPatch, failure: string) => {
      upsert({ ...summary, ...change });
      api.updateConversation(summary.id, change).then(upsert, (error: unknown) => {
        upsert(summary);
        report(failure, error);
      });
    },
    [api, upsert, report],
  );
  const rename = useCallback((summary: ConversationSummary, title: string) => patch(summary, { title }, 'Could not rename the conversation'), [patch]);
  const togglePin = useCallback(
    (summary: ConversationSummary) => patch(summary, { pinned: !summary.pinned }, summary.pinned ? 'Could not unpin the conversation' : 'Could not pin the conversation'),
    [patch],
  );

  const deleteConversation = useCallback(
    (summary: ConversationSummary) => {
      remove(summary.id);
      if (summary.id === openId) startNew();
      setToast({ id: ++toastCount.current, message: 'Conversation deleted', summary });
      api.deleteConversation(summary.id).catch((error: unknown) => {
        restore(summary);
        setToast(null);
        report('Could not delete the conversation', error);
      });
    },
    [api, openId, remove, restore, startNew, report],
  );

  const undo = useCallback(() => {
    if (!toast) return;
    setToast(null);
    api.restoreConversation(toast.summary.id).then(restore, (error: unknown) => report('Could not restore the conversation', error));
  }, [api, toast, restore, report]);
  const dismissToast = useCallback(() => setToast(null), []);

  // Remembering a choice for new chats is a convenience: the chat goes on even if it fails.
  const rememberForNewChats = useCallback(
    (patch: SettingsPatch, what: string) =>
      api.updateSettings(patch).then(onSettings, (error: unknown) => console.warn(`Could not remember the ${what}`, error)),
    [api, onSettings],
  );
  const chooseModel = useCallback(
    (model: string) => {
      setModel(model);
      if (stored) saveModel(openId, model);
      void rememberForNewChats({ defaultModel: model }, 'model');
    },
    [rememberForNewChats, setModel, saveModel, stored, openId],
  );
  const modelsValue = useMemo(() => ({ ...models, ...catalogue, choose: chooseModel }), [models, catalogue, chooseModel]);

  const chooseEndpoint = useCallback(
    (endpointId: string) => {
      setEndpoint(endpointId);
      if (stored) saveEndpoint(openId, endpointId);
      void rememberForNewChats({ defaultEndpointId: endpointId }, 'endpoint');
    },
    [rememberForNewChats, setEndpoint, saveEndpoint, stored, openId],
  );

  const changeSystemPrompt = useCallback(
    (systemPrompt: string) => {
      setSystemPrompt(systemPrompt);
      if (stored) saveSystemPrompt(openId, systemPrompt);
    },
    [setSystemPrompt, saveSystemPrompt, stored, openId],
  );

  const changeParams = useCallback(
    (params: ChatParams) => {
      setParams(params);
      if (stored) saveParams(openId, params);
    },
    [setParams, saveParams, stored, openId],
  );

  const importer = useImport(api, refreshAll);
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
  const exportConversation = (id: string) =>
    api.exportConversation(id).then(saveOrDownload, (error: unknown) => report('Could not export the conversation', error));
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
            toast={toast}
            onRetryLoad={list.retry}
            onNew={startNew}
            onOpen={open}
            onRename={rename}
            onTogglePin={togglePin}
            onDelete={deleteConversation}
            onUndo={undo}
            onDismissToast={dismissToast}
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
              onModelChange={chooseModel}
              onSystemPromptChange={changeSystemPrompt}
              onOpenSettings={onOpenSettings}
              tools={
                <ConversationTools
                  model={chat.conversation.model}
                  params={chat.conversation.params}
                  prompts={prompts}
                  onParams={changeParams}
                  onSettings={onSettings}
                  onPrompts={onPrompts}
                  onApplyPrompt={changeSystemPrompt}
                />
              }
              endpoints={endpoints}
              onEndpointChange={chooseEndpoint}
            />
          </div>
          {importState.open && <ImportDialog state={importState} onDuplicates={importer.setDuplicates} onFiles={importPicked} onStop={importer.stop} onClose={importer.close} />}
          <DropOverlay active={dragging} />
          {shortcutsOpen && <ShortcutsSheet onClose={() => setShortcutsOpen(false)} />}
          {contextMenu.menu && <ContextMenu {...contextMenu.menu} onClose={contextMenu.close} />}
          {usageOpen && <UsageDialog project={settings.project} onClose={() => setUsageOpen(false)} />}
        </div>
      </ModelsProvider>
    </RemoteImagesContext>
  );
}
