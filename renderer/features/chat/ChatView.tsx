import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { EndpointView } from '../../../shared/ipc';
import { EndpointSelect } from '../endpoints/EndpointSelect';
import { EndpointMissing } from '../endpoints/EndpointMissing';
import { useCompareDialog } from '../compare/useCompareDialog';
import { ModelNotServed, unservedModel } from '../models/ModelNotServed';
import { ModelPicker } from '../models/ModelPicker';
import { useModels } from '../models/modelsContext';
import { ConversationExportButtons } from '../transfer/ConversationExportButtons';
import { Composer, type ComposerHandle } from './Composer';
import { EmptyChatExtras, EmptyChatHeadline } from './EmptyChat';
import { UndoDeleteToast } from './UndoDeleteToast';
import { useDeleteWithUndo } from './useDeleteWithUndo';
import { useTypeToCompose } from './useTypeToCompose';
import './chat.css';
import { ConversationStats } from './ConversationStats';
import { MessageActionsContext } from './MessageActionsContext';
import { MessageList, type MessageTarget } from './MessageList';
import type { Chat } from './useChat';
import { EditRequestContext, type EditRequest } from './editRequest';

interface ChatViewProps {
  chat: Chat;
  title: string;
  /** A conversation is being opened. */
  loading: boolean;
  target: MessageTarget | null;
  onModelChange: (model: string) => void;
  onSystemPromptChange: (systemPrompt: string) => void;
  onOpenSettings: () => void;
  /** More controls for the conversation's setup (parameters, prompts), shown in the header. */
  tools?: ReactNode;
  /** The endpoints to choose from; the selector shows when there are several. */
  endpoints?: readonly EndpointView[];
  onEndpointChange?: (endpointId: string) => void;
  /** The empty state's Prompts and Import lines; each shows only when given. */
  onOpenPrompts?: () => void;
  onImport?: () => void;
}

/** The open conversation: its model and system prompt, its messages, and the composer. */
export function ChatView({
  chat,
  title,
  loading,
  target,
  onModelChange,
  onSystemPromptChange,
  onOpenSettings,
  tools,
  endpoints = [],
  onEndpointChange = () => undefined,
  onOpenPrompts,
  onImport,
}: ChatViewProps) {
  const id = useId();
  const { conversation, streaming, stop } = chat;

  // Escape stops the answer from anywhere, unless something (a dialog, the model list) used it.
  useEffect(() => {
    if (!streaming) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) stop();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [streaming, stop]);

  // Read through a ref so the composer's callback stays the same while answers stream.
  const messagesRef = useRef(conversation.messages);
  useLayoutEffect(() => {
    messagesRef.current = conversation.messages;
  }, [conversation.messages]);
  /** Up in the empty composer: the last question goes back into it, to change and send again. */
  const [editRequest, setEditRequest] = useState<EditRequest | null>(null);
  // Up in an empty composer opens the last question's Edit mode, which keeps the old text and answer as versions.
  const editLast = useCallback(() => {
    const last = messagesRef.current.findLast((message) => message.role === 'user');
    if (last) setEditRequest((previous) => ({ messageId: last.id, seq: (previous?.seq ?? 0) + 1 }));
    return null;
  }, []);

  const compare = useCompareDialog(chat);
  const composer = useRef<ComposerHandle>(null);
  const openCompare = compare.open;
  const compareDraft = useCallback(() => openCompare(composer.current?.draft() ?? '', (text) => composer.current?.fill(text)), [openCompare]);

  // Delete with Undo: the message leaves the thread now and history when the toast goes.
  const deleter = useDeleteWithUndo(chat.messageActions.remove, conversation);
  const messageActions = useMemo(() => ({ ...chat.messageActions, remove: deleter.request }), [chat.messageActions, deleter.request]);
  const messages = useMemo(
    () => (deleter.hiddenId === null ? conversation.messages : conversation.messages.filter((message) => message.id !== deleter.hiddenId)),
    [conversation.messages, deleter.hiddenId],
  );
  const empty = conversation.messages.length === 0;

  // Focus is in the composer on load, on New chat and after choosing a conversation; a search
  // result that leads to a message keeps the focus there.
  useEffect(() => {
    if (!target) composer.current?.focus();
  }, [conversation.id, target]);
  useTypeToCompose(composer);
  const unserved = unservedModel(conversation.model, conversation.messages.findLast((message) => message.model)?.model ?? null, useModels().list);

  return (
    <main className="chat-main" aria-busy={loading}>
      <header className="chat-header">
        <div className="conversation-heading">
          <h1 className="conversation-title" title={title}>
            {title}
          </h1>
          <ConversationStats messages={conversation.messages} />
        </div>
        {/* Keyed: a status or error about one conversation must not show on the next. */}
        <ConversationExportButtons key={conversation.id} conversationId={conversation.id} saved={conversation.stored} />
        {tools}
        <EndpointSelect endpoints={endpoints} value={conversation.endpointId} onChange={onEndpointChange} />
        <ModelPicker value={conversation.model} onChange={onModelChange} />
      </header>
      {/* Keyed: an add that failed for one conversation must not show on the next. */}
      <EndpointMissing key={conversation.id} endpoints={endpoints} value={conversation.endpointId} onRecreated={onEndpointChange} />
      <div className="field system-prompt">
        <label htmlFor={`${id}-system`}>System prompt</label>
        <textarea
          id={`${id}-system`}
          rows={1}
          placeholder="You are a helpful assistant."
          value={conversation.systemPrompt}
          onChange={(event) => onSystemPromptChange(event.target.value)}
        />
      </div>
      {/* The thread's grid places the composer: centred in a new chat, docked at the bottom after. */}
      <div className="thread" data-empty={empty || undefined}>
        <MessageActionsContext.Provider value={messageActions}>
          <EditRequestContext value={editRequest}>
            <MessageList
              // A fresh list per conversation: it starts at the bottom, following.
              key={conversation.id}
              conversationId={conversation.id}
              messages={messages}
              retrying={chat.retrying}
              canRetry={!streaming && conversation.model !== ''}
              target={target}
              onRetry={chat.retry}
              onOpenSettings={onOpenSettings}
            />
          </EditRequestContext>
        </MessageActionsContext.Provider>
        {empty && <EmptyChatHeadline />}
        <div className="composer-dock">
          {(deleter.hiddenId !== null || deleter.problem !== null) && (
            <UndoDeleteToast problem={deleter.problem} onUndo={deleter.hiddenId === null ? null : deleter.undo} onDismiss={deleter.dismissProblem} />
          )}
          {unserved && <ModelNotServed model={unserved} />}
          <Composer
            handle={composer}
            hasModel={conversation.model !== '' && unserved === null}
            model={conversation.model}
            streaming={streaming}
            onSend={chat.send}
            onStop={stop}
            onEditLast={editLast}
            onCompare={compare.open}
          />
        </div>
        {empty && (
          <EmptyChatExtras onStarter={(prompt) => composer.current?.fill(prompt)} onCompare={compareDraft} onPrompts={onOpenPrompts} onImport={onImport} />
        )}
      </div>
      {compare.dialog}
    </main>
  );
}
