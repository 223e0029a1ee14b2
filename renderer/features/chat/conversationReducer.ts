/**
 * The conversation as data: a pure reducer, so the same shape can later be saved to and
 * loaded from history without touching the view.
 */
import type { AppError, ChatResult, Usage } from '../../../preload/contract';

export type MessageStatus = 'complete' | 'streaming' | 'stopped' | 'error';

export interface Message {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  reasoning: string;
  status: MessageStatus;
  error: AppError | null;
  usage: Usage | null;
  /** The model the message was sent to or answered by. */
  model: string;
  firstTokenMs: number | null;
  durationMs: number | null;
  createdAt: number;
}

export interface Conversation {
  id: string;
  title: string;
  model: string;
  systemPrompt: string;
  messages: Message[];
}

export type ConversationAction =
  | { type: 'reset'; conversation: Conversation }
  | { type: 'setModel'; model: string }
  | { type: 'setSystemPrompt'; systemPrompt: string }
  | { type: 'send'; user: Message; assistant: Message }
  | { type: 'retry'; failedId: string; assistant: Message }
  | { type: 'append'; id: string; content: string; reasoning: string }
  | { type: 'restart'; id: string }
  | { type: 'usage'; id: string; usage: Usage }
  | { type: 'finish'; id: string; result: ChatResult };

const TITLE_CHARS = 60;

export function createConversation(id: string, model: string, systemPrompt: string): Conversation {
  return { id, title: '', model, systemPrompt, messages: [] };
}

export function createMessage(
  fields: Pick<Message, 'id' | 'role' | 'model' | 'createdAt'> & Partial<Pick<Message, 'content' | 'status'>>,
): Message {
  return {
    content: '',
    status: 'complete',
    reasoning: '',
    error: null,
    usage: null,
    firstTokenMs: null,
    durationMs: null,
    ...fields,
  };
}

/** The first line of the first question, cut to fit a list. */
export function titleFrom(content: string): string {
  const line = content.trim().split('\n')[0]?.trim() ?? '';
  return line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS - 1)}…` : line;
}

function updateMessage(state: Conversation, id: string, change: (message: Message) => Message): Conversation {
  const index = state.messages.findIndex((message) => message.id === id);
  const current = state.messages[index];
  // Events of a stream whose conversation was replaced (New chat) land here: ignore them.
  if (!current) return state;
  const messages = state.messages.slice();
  messages[index] = change(current);
  return { ...state, messages };
}

export function conversationReducer(state: Conversation, action: ConversationAction): Conversation {
  switch (action.type) {
    case 'reset':
      return action.conversation;
    case 'setModel':
      return { ...state, model: action.model };
    case 'setSystemPrompt':
      return { ...state, systemPrompt: action.systemPrompt };
    case 'send':
      return {
        ...state,
        title: state.title || titleFrom(action.user.content),
        messages: [...state.messages, action.user, action.assistant],
      };
    case 'retry': {
      const index = state.messages.findIndex((message) => message.id === action.failedId);
      if (index === -1) return state;
      const messages = state.messages.slice();
      messages[index] = action.assistant;
      return { ...state, messages };
    }
    case 'append':
      return updateMessage(state, action.id, (message) => ({
        ...message,
        content: message.content + action.content,
        reasoning: message.reasoning + action.reasoning,
      }));
    case 'restart':
      return updateMessage(state, action.id, (message) => ({ ...message, content: '', reasoning: '' }));
    case 'usage':
      return updateMessage(state, action.id, (message) => ({ ...message, usage: action.usage }));
    case 'finish': {
      const { result } = action;
      return updateMessage(state, action.id, (message) => ({
        ...message,
        status: result.status,
        // The result carries the whole answer; keep what streamed in if it carries none.
        content: result.content || message.content,
        reasoning: result.reasoning || message.reasoning,
        error: result.error,
        usage: result.usage ?? message.usage,
        firstTokenMs: result.firstTokenMs,
        durationMs: result.durationMs,
      }));
    }
  }
}
