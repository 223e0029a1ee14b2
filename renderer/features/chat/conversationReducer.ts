/**
 * The conversation as data: a pure reducer over the same message shape history stores,
 * so a loaded conversation and a live one are one thing to the view.
 */
import type { ChatParams, ChatResult, StoredConversation, StoredMessage, ToolCallRecord, Usage } from '../../../shared/ipc';
import { titleFrom } from '../../../shared/conversationTitle';
import { DEFAULT_ENDPOINT_ID } from '../../../shared/endpointIds';

export type Message = StoredMessage;

export interface Conversation {
  id: string;
  title: string;
  model: string;
  systemPrompt: string;
  /** Chat parameters the person set for this conversation (only those are sent). */
  params: ChatParams;
  messages: Message[];
  /** True once history holds the conversation; a new chat is created with its first message. */
  stored: boolean;
  /** Where its turns go; an id main does not know is refused until the person chooses (see EndpointMissing). */
  endpointId: string;
  /** The MCP servers whose enabled tools its answers may call (each call still asks); none in a new chat. */
  toolServers: string[];
}

export type ConversationAction =
  | { type: 'reset'; conversation: Conversation }
  | { type: 'stored'; id: string }
  | { type: 'setModel'; model: string }
  | { type: 'setEndpoint'; endpointId: string }
  | { type: 'setSystemPrompt'; systemPrompt: string }
  | { type: 'setParams'; params: ChatParams }
  | { type: 'setToolServers'; toolServers: string[] }
  | { type: 'send'; user: Message; assistant: Message }
  | { type: 'retry'; failedId: string; assistant: Message }
  /** `assistant`, a new version of answer `answerId`, takes its place; the turns after it stay on the old branch (main keeps them). */
  | { type: 'regenerate'; answerId: string; assistant: Message }
  /** `question`, a new version of question `userMessageId`, takes its place, answered by `assistant`; the old branch stays in main. */
  | { type: 'edit'; userMessageId: string; question: Message; assistant: Message }
  | { type: 'remove'; id: string }
  | { type: 'resume'; message: Message }
  /**
   * A streaming answer's text as of now: as drawn so far (`thinkingMs` arrives with the first
   * answer text after reasoning), or gone back to what it had before a request main starts over.
   */
  | { type: 'text'; id: string; content: string; reasoning: string; thinkingMs: number | null }
  /** The answer streams again, its text kept: Continue appends to it. */
  | { type: 'continue'; id: string }
  | { type: 'usage'; id: string; usage: Usage }
  /** A tool call of the answer `id`, new or changed (main sends the whole record at every step). */
  | { type: 'toolCall'; id: string; call: ToolCallRecord }
  | { type: 'finish'; id: string; result: ChatResult };

export function createConversation(id: string, model: string, systemPrompt: string, params: ChatParams = {}, endpointId = DEFAULT_ENDPOINT_ID): Conversation {
  // No tools in a new chat: a model touches files or the network only where the person turned its servers on.
  return { id, title: '', model, systemPrompt, params, messages: [], stored: false, endpointId, toolServers: [] };
}

export function fromStored({ id, title, model, systemPrompt, params = {}, messages, endpoint, toolServers = [] }: StoredConversation): Conversation {
  return { id, title, model, systemPrompt, params, messages, stored: true, endpointId: endpoint || DEFAULT_ENDPOINT_ID, toolServers };
}

export function createMessage(
  fields: Pick<Message, 'id' | 'role' | 'model' | 'createdAt'> & Partial<Pick<Message, 'content' | 'status' | 'attachments'>>,
): Message {
  return {
    content: '',
    status: 'complete',
    reasoning: '',
    error: null,
    usage: null,
    finishReason: null,
    firstTokenMs: null,
    durationMs: null,
    thinkingMs: null,
    ...fields,
  };
}

function updateMessage(state: Conversation, id: string, change: (message: Message) => Message): Conversation {
  const index = state.messages.findIndex((message) => message.id === id);
  const current = state.messages[index];
  // Events of a stream whose conversation is not the open one land here: ignore them.
  if (!current) return state;
  const messages = state.messages.slice();
  messages[index] = change(current);
  return { ...state, messages };
}

/** Regenerate acts on any finished answer shown, Edit on any question shown (main/conversations/versionedTurns.ts). */
export const isRegenerable = (message: Message): boolean =>
  message.role === 'assistant' && (message.status === 'complete' || message.status === 'stopped');

/** `message` as the newest version at `replaced`'s branch point (‹ n/m ›), as main keeps them. */
export function asNewVersion(message: Message, replaced: Message): Message {
  return { ...message, siblings: [...(replaced.siblings ?? [replaced.id]), message.id] };
}

function replaceAt(state: Conversation, index: number, message: Message): Conversation {
  const messages = state.messages.slice();
  messages[index] = message;
  return { ...state, messages };
}

/** The path up to `index`, then `branch`: a new branch shown from that point. */
function branchAt(state: Conversation, index: number, ...branch: Message[]): Conversation {
  return { ...state, messages: [...state.messages.slice(0, index), ...branch] };
}

export function conversationReducer(state: Conversation, action: ConversationAction): Conversation {
  switch (action.type) {
    case 'reset':
      return action.conversation;
    case 'stored':
      return action.id === state.id ? { ...state, stored: true } : state;
    case 'setModel':
      return { ...state, model: action.model };
    case 'setEndpoint':
      return { ...state, endpointId: action.endpointId };
    case 'setSystemPrompt':
      return { ...state, systemPrompt: action.systemPrompt };
    case 'setParams':
      return { ...state, params: action.params };
    case 'setToolServers':
      return { ...state, toolServers: action.toolServers };
    case 'send':
      return {
        ...state,
        title: state.title || titleFrom(action.user.content),
        messages: [...state.messages, action.user, action.assistant],
      };
    case 'retry': {
      const index = state.messages.findIndex((message) => message.id === action.failedId);
      return index === -1 ? state : replaceAt(state, index, action.assistant);
    }
    case 'regenerate': {
      const index = state.messages.findIndex((message) => message.id === action.answerId);
      return index === -1 ? state : branchAt(state, index, action.assistant);
    }
    case 'edit': {
      const index = state.messages.findIndex((message) => message.id === action.userMessageId);
      return index === -1 ? state : branchAt(state, index, action.question, action.assistant);
    }
    case 'remove':
      return { ...state, messages: state.messages.filter((message) => message.id !== action.id) };
    case 'resume': {
      // A stream still running in this window knows more than the saved row: show what it knows.
      const known = state.messages.some((message) => message.id === action.message.id);
      if (known) return updateMessage(state, action.message.id, () => action.message);
      return { ...state, messages: [...state.messages, action.message] };
    }
    case 'text':
      return updateMessage(state, action.id, (message) => ({
        ...message,
        content: action.content,
        reasoning: action.reasoning,
        thinkingMs: action.thinkingMs,
      }));
    case 'continue':
      return updateMessage(state, action.id, (message) => ({ ...message, status: 'streaming', error: null, finishReason: null }));
    case 'usage':
      return updateMessage(state, action.id, (message) => ({ ...message, usage: action.usage }));
    case 'toolCall':
      return updateMessage(state, action.id, (message) => withToolCall(message, action.call));
    case 'finish':
      return updateMessage(state, action.id, (message) => withResult(message, action.result));
  }
}

/** `message` with `call` in its list: replacing the record of the same id, else added at the end. */
export function withToolCall(message: Message, call: ToolCallRecord): Message {
  const calls = message.toolCalls ?? [];
  const known = calls.some((existing) => existing.id === call.id);
  return { ...message, toolCalls: known ? calls.map((existing) => (existing.id === call.id ? call : existing)) : [...calls, call] };
}

/** An answer as its stream ended (also Compare's columns). */
export function withResult<M extends Message>(message: M, result: ChatResult): M {
  return {
    ...message,
    status: result.status,
    // The result carries the whole answer; keep what streamed in if it carries none.
    content: result.content || message.content,
    reasoning: result.reasoning || message.reasoning,
    error: result.error,
    usage: result.usage ?? message.usage,
    finishReason: result.finishReason,
    firstTokenMs: result.firstTokenMs,
    durationMs: result.durationMs,
    thinkingMs: result.thinkingMs ?? message.thinkingMs,
  };
}
