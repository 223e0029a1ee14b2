import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParley } from '../../lib/ParleyContext';
import { useLatest } from '../../lib/useLatest';
import { useCompare } from '../compare/useCompare';
import { ModelNotServed } from '../models/lazy';
import { unservedModel } from '../models/unservedModel';
import { useModels } from '../models/modelsContext';
import { Composer, type ComposerHandle } from './Composer';
import { EmptyChatExtras, EmptyChatHeadline } from './EmptyChat';
import { UndoDeleteToast } from './UndoDeleteToast';
import { useDeleteWithUndo } from './useDeleteWithUndo';
import { useTypeToCompose } from './useTypeToCompose';
import { ToolApprovalDialog } from '../tools/lazy';
import { ToolsControl } from '../tools/ToolsControl';
import './chat.css';
import { MessageActionsContext } from './MessageActionsContext';
import { MessageList, type MessageTarget } from './MessageList';
import type { Chat } from './useChat';
import { EditRequestContext, type EditRequest } from './editRequest';

interface ChatViewProps {
  chat: Chat;
  /** Which MCP servers the open conversation may use (saved with it). */
  onChooseToolServers: (serverIds: string[]) => void;
  /** A conversation is being opened. */
  loading: boolean;
  target: MessageTarget | null;
  onOpenSettings: () => void;
  /** Shows another conversation from history (a fork just made). */
  onOpenConversation: (id: string) => void;
  /** The empty state's Prompts and Import lines; each shows only when given. */
  onOpenPrompts?: () => void;
  onImport?: () => void;
}

/** The open conversation's messages and the composer (its title, model and settings are in the top bar). */
export function ChatView({ chat, onChooseToolServers, loading, target, onOpenSettings, onOpenConversation, onOpenPrompts, onImport }: ChatViewProps) {
  const api = useParley();
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
  const messagesRef = useLatest(conversation.messages);
  /** Up in the empty composer: the last question goes back into it, to change and send again. */
  const [editRequest, setEditRequest] = useState<EditRequest | null>(null);
  // Up in an empty composer opens the last question's Edit mode, which keeps the old text and answer as versions.
  const editLast = useCallback(() => {
    const last = messagesRef.current.findLast((message) => message.role === 'user');
    if (last) setEditRequest((previous) => ({ messageId: last.id, seq: (previous?.seq ?? 0) + 1 }));
    return null;
  }, [messagesRef]);

  const compare = useCompare(chat);
  const composer = useRef<ComposerHandle>(null);
  const openCompare = compare.open;
  const compareDraft = useCallback(() => openCompare(composer.current?.draft() ?? '', (text) => composer.current?.fill(text)), [openCompare]);

  // Delete with Undo: the message leaves the thread now and history when the toast goes.
  const deleter = useDeleteWithUndo(chat.messageActions.remove, conversation);
  const conversationId = conversation.id;
  const fork = useCallback(
    async (messageId: string) => {
      const forked = await api.forkConversation({ id: conversationId, messageId, forkId: crypto.randomUUID() });
      onOpenConversation(forked.id);
    },
    [api, conversationId, onOpenConversation],
  );
  const stored = conversation.stored;
  const messageActions = useMemo(
    () => ({ ...chat.messageActions, remove: deleter.request, fork: stored ? fork : null }),
    [chat.messageActions, deleter.request, stored, fork],
  );
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
  const { toolServers, model } = conversation;
  const refusedWhy = chat.toolsUnavailable.get(model) ?? null;
  // Memoized: the composer re-renders only when the control's inputs change, not per streamed token.
  const toolsControl = useMemo(
    () => <ToolsControl selected={toolServers} model={model} refusedWhy={refusedWhy} onChange={onChooseToolServers} onOpenSettings={onOpenSettings} />,
    [toolServers, model, refusedWhy, onChooseToolServers, onOpenSettings],
  );
  const unserved = unservedModel(conversation.model, conversation.messages.findLast((message) => message.model)?.model ?? null, useModels().list);

  return (
    <main className="chat-main" aria-busy={loading}>
      {/* The thread's grid places the composer: centred in a new chat, docked at the bottom after. */}
      {/* Compare takes the thread's place; the thread stays mounted (its scroll, the draft) under it. */}
      <div className="thread" data-empty={empty || undefined} hidden={compare.view !== null}>
        <MessageActionsContext.Provider value={messageActions}>
          <EditRequestContext value={editRequest}>
            <MessageList
              // A fresh list per conversation: it starts at the bottom, following.
              key={conversation.id}
              conversationId={conversation.id}
              messages={messages}
              liveAnswers={chat.liveAnswers}
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
            chips={toolsControl}
          />
        </div>
        {empty && (
          <EmptyChatExtras onStarter={(prompt) => composer.current?.fill(prompt)} onCompare={compareDraft} onPrompts={onOpenPrompts} onImport={onImport} />
        )}
      </div>
      {compare.view}
      {chat.pendingApproval && <ToolApprovalDialog key={chat.pendingApproval.call.id} call={chat.pendingApproval.call} onAnswer={chat.pendingApproval.answer} onStop={stop} />}
    </main>
  );
}
