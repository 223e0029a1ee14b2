import type { Ref } from 'react';
import type { ConversationSummary } from '../../../shared/ipc';
import { ConversationStats } from '../chat/ConversationStats';
import type { WorkspaceChat } from '../chat/useWorkspaceChat';
import { chatSettingsSummary } from '../chatsettings/chatSettingsSummary';
import type { ChatSettingsSheetState } from '../chatsettings/useChatSettingsSheet';
import { EndpointSelect } from '../endpoints/EndpointSelect';
import { UNTITLED } from '../history/untitled';
import { ModelPicker } from '../models/ModelPicker';
import { TopBar } from './TopBar';

interface ConversationTopBarProps {
  workspaceChat: WorkspaceChat;
  /** The open conversation as history lists it; absent while it is not saved yet. */
  summary: ConversationSummary | undefined;
  onRename: (summary: ConversationSummary, title: string) => void;
  chatSettings: ChatSettingsSheetState;
  /** Whether the sidebar is in view; while it is not, the bar offers its toggle and New chat. */
  sidebarVisible: boolean;
  onToggleSidebar: () => void;
  sidebarToggleRef: Ref<HTMLButtonElement>;
}

/** The top bar for the open conversation: its title as history has it, totals, endpoint, model and Chat settings. */
export function ConversationTopBar({ workspaceChat, summary, onRename, chatSettings, sidebarVisible, onToggleSidebar, sidebarToggleRef }: ConversationTopBarProps) {
  const { chat, choices, endpoints, startNew } = workspaceChat;
  const { conversation } = chat;
  return (
    <TopBar
      title={summary?.title || conversation.title || UNTITLED}
      // A conversation not saved yet has nothing in history to rename.
      onRename={summary ? (next) => onRename(summary, next) : undefined}
      conversationId={conversation.id}
      saved={conversation.stored}
      stats={<ConversationStats messages={conversation.messages} />}
      endpoint={<EndpointSelect endpoints={endpoints} value={conversation.endpointId} onChange={choices.chooseEndpoint} />}
      model={<ModelPicker value={conversation.model} onChange={choices.chooseModel} />}
      chatSettingsSummary={chatSettingsSummary(conversation)}
      chatSettingsOpen={chatSettings.open}
      onToggleChatSettings={chatSettings.toggle}
      chatSettingsRef={chatSettings.button}
      sidebarHidden={!sidebarVisible}
      sidebarExpanded={sidebarVisible}
      onToggleSidebar={onToggleSidebar}
      sidebarToggleRef={sidebarToggleRef}
      onNewChat={startNew}
    />
  );
}
