import { createContext, useContext } from 'react';
import type { ChatParamKey, ChatParams } from '../../../shared/ipc';

/**
 * What a message's actions can do, handed to every message through context so the list
 * between them (virtualized, owned by its own concern) need not thread each callback. The
 * callbacks are stable; the value changes only when a turn starts or ends, not per token.
 */
export interface MessageActions {
  /** The answer Continue may go on with (the last one, when it stopped early: see shared/continuation.ts), or null. */
  continuableId: string | null;
  /** False while an answer streams in this conversation, or when no model is chosen. */
  idle: boolean;
  regenerate(answerId: string): void;
  /** Asks the model to go on; its words are appended to the same answer. */
  continueAnswer(answerId: string): void;
  /** "Save and send": a new version of the question with `content`, answered on its own branch. */
  edit(userMessageId: string, content: string): void;
  /** ‹ n/m ›: shows version `messageId` with the continuation last shown after it; rejects when history could not. */
  showVersion(messageId: string): Promise<void>;
  /** Deletes the message and the branch after it for good (from `from`, by default the open conversation); rejects when history could not. */
  remove(messageId: string, from?: MessageOwner): Promise<void>;
  /**
   * "Fork from here": a new conversation with the path up to the message, which the window then
   * shows; rejects when history could not. Null while the conversation is not in history yet.
   */
  fork: ((messageId: string) => Promise<void>) | null;
  /** The conversation's parameters, so a refused one can be offered for dropping. */
  params: ChatParams;
  /** Unsets the parameter and asks again for the failed answer. */
  dropParamAndRetry(answerId: string, key: ChatParamKey): void;
}

/** The conversation a message belongs to, as far as deleting it needs to know. */
export interface MessageOwner {
  id: string;
  /** False for a new chat history does not hold yet. */
  stored: boolean;
}

export const MessageActionsContext = createContext<MessageActions | null>(null);

export function useMessageActions(): MessageActions {
  const actions = useContext(MessageActionsContext);
  if (!actions) throw new Error('useMessageActions needs a MessageActionsContext provider');
  return actions;
}
