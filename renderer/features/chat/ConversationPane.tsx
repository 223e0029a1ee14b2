import { useCallback } from 'react';
import { ContextMenu } from '../../components/lazy';
import { useParley } from '../../lib/ParleyContext';
import { ChatSettingsSheet, ConversationTools } from '../chatsettings/lazy';
import type { ChatSettingsSheetState } from '../chatsettings/useChatSettingsSheet';
import { EndpointMissing } from '../endpoints/lazy';
import { RemoteImagesContext } from '../markdown/remoteImages';
import { CatalogueBanner } from '../models/lazy';
import type { ReportProblem } from '../notices/useProblem';
import { useSettings } from '../settings/settingsContext';
import { ChatView } from './ChatView';
import { useMessageContextMenu } from './useMessageContextMenu';
import { useRemoteImagesThroughMain } from './useRemoteImagesThroughMain';
import type { WorkspaceChat } from './useWorkspaceChat';

interface ConversationPaneProps {
  workspaceChat: WorkspaceChat;
  chatSettings: ChatSettingsSheetState;
  report: ReportProblem;
  onOpenSettings: () => void;
  /** The empty state's Prompts and Import lines. */
  onOpenPrompts: () => void;
  onImport: () => void;
}

/**
 * The open conversation under the top bar: what is wrong with its endpoint or its models, its
 * messages and composer, the Chat settings sheet beside them, and the messages' context menu.
 */
export function ConversationPane({ workspaceChat, chatSettings, report, onOpenSettings, onOpenPrompts, onImport }: ConversationPaneProps) {
  const api = useParley();
  const { value: settings } = useSettings();
  const { chat, choices, endpoints, opening, target, open } = workspaceChat;
  const { conversation } = chat;
  const openFork = useCallback((id: string) => open(id, null), [open]);
  const remoteImages = useRemoteImagesThroughMain(api, settings.remoteImages);
  const contextMenu = useMessageContextMenu({
    messageText: (id) => chat.liveAnswers.get(id)?.content ?? conversation.messages.find((message) => message.id === id)?.content,
    copy: (text) => navigator.clipboard.writeText(text).catch((error: unknown) => report('Could not copy the message', error)),
  });

  return (
    <>
      {/* Keyed: an add that failed for one conversation must not show on the next. */}
      <EndpointMissing key={conversation.id} endpoints={endpoints} value={conversation.endpointId} onRecreated={choices.chooseEndpoint} />
      <CatalogueBanner endpoint={endpoints.find((endpoint) => endpoint.id === conversation.endpointId)} onOpenSettings={onOpenSettings} />
      <RemoteImagesContext value={remoteImages}>
        <div className="shell-body" onContextMenu={contextMenu.onContextMenu} onKeyDown={contextMenu.onKeyDown}>
          <ChatView
            chat={chat}
            onChooseToolServers={choices.chooseToolServers}
            loading={opening}
            target={target}
            onOpenSettings={onOpenSettings}
            onOpenConversation={openFork}
            onOpenPrompts={onOpenPrompts}
            onImport={onImport}
          />
          {chatSettings.open && (
            <ChatSettingsSheet
              systemPrompt={conversation.systemPrompt}
              onSystemPromptChange={choices.changeSystemPrompt}
              onClose={chatSettings.close}
              tools={
                <ConversationTools model={conversation.model} params={conversation.params} onParams={choices.changeParams} onApplyPrompt={choices.changeSystemPrompt} />
              }
            />
          )}
          {contextMenu.menu && <ContextMenu {...contextMenu.menu} onClose={contextMenu.close} />}
        </div>
      </RemoteImagesContext>
    </>
  );
}
